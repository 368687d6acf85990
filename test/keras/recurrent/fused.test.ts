import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { GRU, LSTM, ResetAfterGRUCell, SimpleRNN } from "../../../src/keras/layers/recurrent";
import { MAX_FUSED_UNITS } from "../../../src/keras/layers/recurrent/fused/fusedCall";
import { backendReady } from "./helpers";

before(backendReady);

type Kind = "SimpleRNN" | "LSTM" | "GRU";
interface Flags {
  returnSequences?: boolean;
  returnState?: boolean;
  goBackwards?: boolean;
  useBias?: boolean;
}

/** Ours (fused where it applies) and tfjs's own unrolled layer, with the same arguments. */
function pair(kind: Kind, units: number, flags: Flags): [tf.layers.Layer, tf.layers.Layer] {
  const common = { ...flags };
  const tfArgs = {
    units,
    ...common,
    recurrentActivation: "sigmoid" as const,
    activation: "tanh" as const,
  };
  if (kind === "SimpleRNN") return [SimpleRNN(units, common), tf.layers.simpleRNN(tfArgs)];
  if (kind === "LSTM") {
    return [LSTM(units, common), tf.layers.lstm({ ...tfArgs, unitForgetBias: true })];
  }
  const cell = new ResetAfterGRUCell(tfArgs);
  const reference = new tf.RNN({ ...common, cell } as unknown as ConstructorParameters<
    typeof tf.RNN
  >[0]);
  return [GRU(units, common), reference];
}

/** Random weights of the layer's shapes (biases included, so the bias paths are exercised). */
function randomWeights(layer: tf.layers.Layer, seed: number): tf.Tensor[] {
  return layer
    .getWeights()
    .map((w, i) => tf.randomUniform(w.shape, -0.6, 0.6, "float32", seed + i));
}

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  assert.deepEqual(a.shape, b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/** Outputs and the gradients of a weighted sum of them, w.r.t. the input and every weight. */
function outputsAndGrads(layer: tf.layers.Layer, x: tf.Tensor, seed: number) {
  const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  let outs: tf.Tensor[] = [];
  const f = (xs: tf.Tensor, ...ws: tf.Tensor[]) => {
    void ws;
    const out = layer.apply(xs, { training: true }) as tf.Tensor | tf.Tensor[];
    const list = Array.isArray(out) ? out : [out];
    outs = list.map((o) => tf.keep(o.clone()));
    return tf.addN(
      list.map((o, i) => tf.sum(tf.mul(o, tf.randomNormal(o.shape, 0, 1, "float32", seed + i)))),
    ) as tf.Scalar;
  };
  const grads = tf.grads(f)([x, ...weights]);
  return { outs, grads };
}

const CASES: [Kind, number, Flags][] = [
  ["SimpleRNN", 7, {}],
  ["SimpleRNN", 5, { returnSequences: true, goBackwards: true }],
  ["SimpleRNN", 4, { returnState: true }],
  ["LSTM", 6, {}],
  ["LSTM", 6, { returnSequences: true }],
  ["LSTM", 4, { returnState: true }],
  ["LSTM", 5, { useBias: false, goBackwards: true }],
  ["LSTM", 3, { returnState: true, goBackwards: true }],
  ["GRU", 6, {}],
  ["GRU", 5, { returnSequences: true }],
  ["GRU", 4, { returnState: true, useBias: false }],
  ["GRU", 3, { goBackwards: true }],
];

for (const [kind, units, flags] of CASES) {
  test(`${kind}(${units}, ${JSON.stringify(flags)}): the fused pass matches tfjs's loop, values and gradients`, () => {
    const [ours, theirs] = pair(kind, units, flags);
    const x = tf.randomUniform([3, 9, 4], -1, 1, "float32", 11);
    tf.dispose([ours.apply(x), theirs.apply(x)] as tf.Tensor[]);
    const weights = randomWeights(ours, 21);
    ours.setWeights(weights);
    theirs.setWeights(weights);
    const a = outputsAndGrads(ours, x, 5);
    const b = outputsAndGrads(theirs, x, 5);
    assert.equal(a.outs.length, b.outs.length, "number of outputs");
    a.outs.forEach((o, i) => assert.ok(maxDiff(o, b.outs[i]) < 1e-5, `output ${i}`));
    assert.equal(a.grads.length, b.grads.length);
    a.grads.forEach((g, i) => {
      const scale = Math.max(
        1,
        tf.tidy(() => tf.max(tf.abs(b.grads[i])).dataSync()[0]),
      );
      const d = maxDiff(g, b.grads[i]);
      assert.ok(d <= 1e-4 * scale, `gradient ${i} (${g.shape}): max difference ${d}`);
    });
    tf.dispose([x, ...weights, ...a.outs, ...b.outs, ...a.grads, ...b.grads]);
    ours.dispose();
    theirs.dispose();
  });
}

test("calls the fused pass does not cover give tfjs's results (mask, initial state, many units)", () => {
  const x = tf.randomUniform([2, 5, 3], -1, 1, "float32", 3);
  const padded = tf.concat([x, tf.zeros([2, 2, 3])], 1);
  const cases: [string, (l: tf.layers.Layer) => tf.Tensor][] = [
    [
      "masked",
      (l) => {
        const masking = tf.layers.masking({ maskValue: 0 });
        return l.apply(padded, { mask: masking.computeMask(padded) }) as tf.Tensor;
      },
    ],
    [
      "initial state",
      (l) => l.apply(x, { initialState: [tf.onesLike(tf.zeros([2, 4]))] }) as tf.Tensor,
    ],
  ];
  for (const [what, run] of cases) {
    const [ours, theirs] = pair("GRU", 4, {});
    tf.dispose([ours.apply(x), theirs.apply(x)] as tf.Tensor[]);
    const w = randomWeights(ours, 4);
    ours.setWeights(w);
    theirs.setWeights(w);
    const d = maxDiff(run(ours), run(theirs));
    assert.ok(d < 1e-5, `${what}: ${d}`);
  }
  const [big, ref] = pair("LSTM", MAX_FUSED_UNITS + 1, {});
  tf.dispose([big.apply(x), ref.apply(x)] as tf.Tensor[]);
  ref.setWeights(big.getWeights());
  assert.ok(maxDiff(big.apply(x) as tf.Tensor, ref.apply(x) as tf.Tensor) < 1e-5, "many units");
});

test("a fused training step leaks no tensors", () => {
  const layer = LSTM(6, { returnSequences: true });
  const x = tf.randomUniform([4, 7, 3]);
  tf.dispose(layer.apply(x) as tf.Tensor);
  const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const step = () => {
    const { value, grads } = tf.variableGrads(
      () => tf.sum(layer.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      vars,
    );
    tf.dispose([value, ...Object.values(grads)]);
  };
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) step();
  assert.equal(tf.memory().numTensors, before);
  x.dispose();
  layer.dispose();
});

for (const kind of ["SimpleRNN", "LSTM", "GRU"] as const) {
  test(`${kind}: a fused training step runs a handful of kernels, tfjs's loop hundreds`, async () => {
    const [ours, theirs] = pair(kind, 8, { returnSequences: true });
    const x = tf.randomUniform([4, 20, 3]);
    const count = async (layer: tf.layers.Layer) => {
      tf.dispose(layer.apply(x) as tf.Tensor);
      const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const info = await tf.profile(() => {
        const { value, grads } = tf.variableGrads(
          () => tf.sum(layer.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
          vars,
        );
        tf.dispose([value, ...Object.values(grads)]);
      });
      return info.kernels.length;
    };
    const fused = await count(ours);
    const loop = await count(theirs);
    assert.ok(fused <= 40, `fused: ${fused} kernels`);
    assert.ok(loop >= 5 * fused, `tfjs's loop: ${loop} kernels against ${fused}`);
    x.dispose();
    ours.dispose();
    theirs.dispose();
  });
}

test("inference on more samples than one host pass takes (600) matches tfjs's loop", () => {
  const x = tf.randomUniform([600, 6, 3], -1, 1, "float32", 8);
  for (const [kind, flags] of [
    ["LSTM", { returnState: true }],
    ["GRU", { returnSequences: true }],
    ["SimpleRNN", {}],
  ] as [Kind, Flags][]) {
    const [ours, theirs] = pair(kind, 5, flags);
    tf.dispose([ours.apply(x), theirs.apply(x)] as tf.Tensor[]);
    const w = randomWeights(ours, 9);
    ours.setWeights(w);
    theirs.setWeights(w);
    const a = ours.apply(x) as tf.Tensor | tf.Tensor[];
    const b = theirs.apply(x) as tf.Tensor | tf.Tensor[];
    const as = Array.isArray(a) ? a : [a];
    const bs = Array.isArray(b) ? b : [b];
    assert.equal(as.length, bs.length, `${kind}: outputs`);
    as.forEach((o, i) => assert.ok(maxDiff(o, bs[i]) < 1e-5, `${kind} output ${i}`));
    tf.dispose([...as, ...bs, ...w]);
    ours.dispose();
    theirs.dispose();
  }
  x.dispose();
});
