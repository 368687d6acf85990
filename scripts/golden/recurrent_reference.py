"""Reference forward passes of Keras's SimpleRNN, LSTM and GRU, in numpy.

Run with Debian's Python (numpy only; no TensorFlow needed):
    /usr/bin/python3 scripts/golden/recurrent_reference.py
    npx prettier --write test/fixtures/keras/recurrent.json
Writes test/fixtures/keras/recurrent.json: for each case, seeded random weights in Keras's order
and layout (kernel [features, gates * units], recurrent_kernel [units, gates * units], bias), a
seeded input batch [3, 5, 4] and the expected output computed with the formulas of Keras 3's
SimpleRNNCell, LSTMCell and GRUCell (reset_after=True and reset_after=False). Weights and inputs
are rounded to float32 values so that the TypeScript side reads exactly the same numbers.
"""
import json
import os

import numpy as np

BATCH, TIMESTEPS, FEATURES, UNITS = 3, 5, 4, 6
rng = np.random.default_rng(20261123)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def hard_sigmoid(x):
    # Keras 3: relu6(x + 3) / 6.
    return np.clip(x + 3, 0, 6) / 6


ACTIVATIONS = {"tanh": np.tanh, "sigmoid": sigmoid, "hard_sigmoid": hard_sigmoid, "relu": lambda x: np.maximum(x, 0)}


def simple_rnn_step(x, states, w, act, _rec):
    kernel, recurrent, bias = w
    h = act(x @ kernel + bias + states[0] @ recurrent)
    return h, [h]


def lstm_step(x, states, w, act, rec):
    kernel, recurrent, bias = w
    h, c = states
    z = x @ kernel + h @ recurrent + bias
    z0, z1, z2, z3 = np.split(z, 4, axis=-1)  # gates i, f, c, o
    i, f, o = rec(z0), rec(z1), rec(z3)
    c = f * c + i * act(z2)
    h = o * act(c)
    return h, [h, c]


def gru_reset_after_step(x, states, w, act, rec):
    kernel, recurrent, bias = w  # bias [2, 3u]: input bias, recurrent bias
    h = states[0]
    mx = x @ kernel + bias[0]
    mi = h @ recurrent + bias[1]
    xz, xr, xh = np.split(mx, 3, axis=-1)  # gates z, r, h
    rz, rr, rh = np.split(mi, 3, axis=-1)
    z = rec(xz + rz)
    r = rec(xr + rr)
    hh = act(xh + r * rh)
    h = z * h + (1 - z) * hh
    return h, [h]


def gru_reset_before_step(x, states, w, act, rec):
    kernel, recurrent, bias = w  # bias [3u]
    h = states[0]
    u = recurrent.shape[0]
    mx = x @ kernel + bias
    xz, xr, xh = np.split(mx, 3, axis=-1)
    z = rec(xz + h @ recurrent[:, :u])
    r = rec(xr + h @ recurrent[:, u : 2 * u])
    hh = act(xh + (r * h) @ recurrent[:, 2 * u :])
    h = z * h + (1 - z) * hh
    return h, [h]


LAYERS = {
    "SimpleRNN": (simple_rnn_step, 1, 1, lambda g, u: [g * u]),
    "LSTM": (lstm_step, 4, 2, lambda g, u: [g * u]),
    "GRU": (gru_reset_after_step, 3, 1, lambda g, u: [2, g * u]),
    "GRU_reset_before": (gru_reset_before_step, 3, 1, lambda g, u: [g * u]),
}


def run(kind, x, weights, options):
    step, _gates, n_states, _ = LAYERS[kind]
    act = ACTIVATIONS[options.get("activation", "tanh")]
    rec = ACTIVATIONS[options.get("recurrentActivation", "sigmoid")]
    states = [np.zeros((x.shape[0], UNITS)) for _ in range(n_states)]
    order = range(x.shape[1] - 1, -1, -1) if options.get("goBackwards") else range(x.shape[1])
    outputs = []
    for t in order:
        out, states = step(x[:, t, :], states, weights, act, rec)
        outputs.append(out)
    seq = np.stack(outputs, axis=1)
    return (seq if options.get("returnSequences") else outputs[-1]), states


CASES = [
    ("SimpleRNN", {"returnSequences": False}),
    ("SimpleRNN", {"returnSequences": True}),
    ("SimpleRNN", {"returnSequences": True, "goBackwards": True, "activation": "relu"}),
    ("LSTM", {"returnSequences": False}),
    ("LSTM", {"returnSequences": True}),
    ("LSTM", {"returnSequences": False, "returnState": True}),
    ("LSTM", {"returnSequences": True, "recurrentActivation": "hard_sigmoid"}),
    ("GRU", {"returnSequences": False}),
    ("GRU", {"returnSequences": True}),
    ("GRU", {"returnSequences": True, "goBackwards": True}),
    ("GRU", {"returnSequences": False, "returnState": True}),
    ("GRU_reset_before", {"returnSequences": False}),
    ("GRU_reset_before", {"returnSequences": True}),
]

cases = []
for kind, options in CASES:
    _, gates, _, bias_shape = LAYERS[kind]
    kernel = f32(rng.uniform(-0.6, 0.6, (FEATURES, gates * UNITS)))
    recurrent = f32(rng.uniform(-0.6, 0.6, (UNITS, gates * UNITS)))
    bias = f32(rng.uniform(-0.3, 0.3, bias_shape(gates, UNITS)))
    x = f32(rng.normal(0, 1, (BATCH, TIMESTEPS, FEATURES)))
    output, states = run(kind, x, [kernel, recurrent, bias], options)
    layer = "GRU" if kind.startswith("GRU") else kind
    opts = dict(options)
    if layer == "GRU":
        opts["resetAfter"] = kind == "GRU"
    case = {
        "layer": layer,
        "units": UNITS,
        "options": opts,
        "weights": {"kernel": kernel.tolist(), "recurrent_kernel": recurrent.tolist(), "bias": bias.tolist()},
        "input": x.tolist(),
        "expected": output.tolist(),
    }
    if options.get("returnState"):
        case["expected_states"] = [s.tolist() for s in states]
    cases.append(case)

out = {
    "meta": {
        "numpy": np.__version__,
        "script": "scripts/golden/recurrent_reference.py",
        "shape": {"batch": BATCH, "timesteps": TIMESTEPS, "features": FEATURES, "units": UNITS},
    },
    "cases": cases,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "keras", "recurrent.json")
with open(path, "w") as fh:
    json.dump(out, fh)
    fh.write("\n")
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
