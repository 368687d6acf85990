"""The PyTorch side of the side-by-side benchmark (bench/run.ts runs it with child_process).

Behaviour: builds the lesson models of bench/lessonModels.ts in PyTorch on CPU with one thread
(torch.set_num_threads(1); the caller also sets OMP_NUM_THREADS=1 and OPENBLAS_NUM_THREADS=1),
on synthetic data of the same shapes, and times them as the TypeScript side does: matMul
GFLOP/s in the four transpose forms (median), seconds per training epoch (one warm-up epoch,
then the median of the timed epochs; each epoch shuffles the rows and takes one Adam step per
batch, lr 1e-3 and eps 1e-7 as Keras), and seconds for predict (batches, no grad). With
"profile" in the config, one training step of the named tasks is profiled per op.

Run: /usr/bin/python3 bench/torch_models.py '{"tasks": ["mlp"], ...}' (the config that
bench/torchSide.ts builds). Prints ONE JSON object on stdout and always exits 0; a failure is
reported as {"error": "..."}.

Example:
    python3 bench/torch_models.py '{"tasks":["regression"],"warmupEpochs":1,"timedEpochs":3,
        "regression":{"rows":400,"features":13,"hidden":64,"batch":32}}'
    # {"torch": "1.13.0a0", "threads": 1, "blas": "/usr/lib/.../libopenblasp-r0.3.21.so",
    #  "results": {"regression": {"epochSeconds": 0.02, ...}}}
"""
import json
import statistics
import sys
import time


def median_time(fn, warmup, timed):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(timed):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def adam(torch, model):
    return torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)


def epoch_runner(torch, model, opt, loss_fn, x, y, batch):
    """One epoch as Keras's fit: shuffle, one optimizer step per batch, the loss read per step."""

    def step(xb, yb):
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        return loss.item()

    def epoch():
        n = x.shape[0]
        order = torch.randperm(n)
        total = 0.0
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            total += step(x[idx], y[idx]) * len(idx)
        return total / n

    return epoch, step


def profile_step(torch, step, xb, yb, top=15):
    from torch.profiler import ProfilerActivity, profile

    step(xb, yb)
    with profile(activities=[ProfilerActivity.CPU]):  # the profiler's own first-use cost
        step(xb, yb)
    start = time.perf_counter()
    step(xb, yb)
    wall = time.perf_counter() - start  # without the profiler
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        step(xb, yb)
    rows = sorted(prof.key_averages(), key=lambda e: e.self_cpu_time_total, reverse=True)
    ops = [
        {"op": e.key, "calls": e.count, "selfMs": round(e.self_cpu_time_total / 1000, 3)}
        for e in rows[:top]
    ]
    return {"stepMs": round(wall * 1000, 3), "ops": ops}


def time_training(torch, cfg, name, model, loss_fn, x, y, batch):
    opt = adam(torch, model)
    epoch, step = epoch_runner(torch, model, opt, loss_fn, x, y, batch)
    seconds = median_time(epoch, cfg["warmupEpochs"], cfg["timedEpochs"])
    out = {"epochSeconds": round(seconds, 4)}
    if name in cfg.get("profile", []):
        out["profile"] = profile_step(torch, step, x[:batch], y[:batch])
    return out


def bench_matmul(torch, cfg):
    m, k, n = cfg["matmul"]["m"], cfg["matmul"]["k"], cfg["matmul"]["n"]
    flops = 2 * m * k * n
    rates = {}
    for form in ("NN", "NT", "TN", "TT"):
        a = torch.rand(k, m).t() if form[0] == "T" else torch.rand(m, k)
        b = torch.rand(n, k).t() if form[1] == "T" else torch.rand(k, n)
        seconds = median_time(lambda: torch.matmul(a, b), cfg["matmul"]["warmup"], cfg["matmul"]["timed"])
        rates[form] = round(flops / seconds / 1e9, 2)
    return {"gflops": rates}


def blas_library():
    """The BLAS shared library this process has loaded (after a product), or None.

    Debian's python3-torch calls the system BLAS: the reference libblas3 unless OpenBLAS
    (libopenblas0, pulled in by python3-scipy) is installed, and the two differ 10-40x.
    """
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.rsplit("/", 1)[-1]}
    except OSError:
        return None
    return sorted(paths)[0] if paths else None


def mlp_model(torch, layers):
    nn = torch.nn
    return nn.Sequential(
        nn.Linear(layers[0], layers[1]),
        nn.ReLU(),
        nn.Linear(layers[1], layers[2]),
        nn.ReLU(),
        nn.Linear(layers[2], layers[3]),
    )


def bench_mlp(torch, cfg):
    c = cfg["mlp"]
    layers = c["layers"]
    x = torch.rand(c["rows"], layers[0])
    y = torch.nn.functional.one_hot(torch.randint(0, layers[3], (c["rows"],)), layers[3]).float()
    # softmax + categorical crossentropy on one-hot rows, fused as PyTorch users write it
    loss_fn = torch.nn.CrossEntropyLoss()
    out = {"epochSeconds": {}, "profile": {}}
    for batch in c["batches"]:
        name = f"mlp{batch}"
        r = time_training(torch, cfg, name, mlp_model(torch, layers), loss_fn, x, y, batch)
        out["epochSeconds"][str(batch)] = r["epochSeconds"]
        if "profile" in r:
            out["profile"][str(batch)] = r["profile"]
    model = mlp_model(torch, layers).eval()
    xp = torch.rand(c["predictRows"], layers[0])

    def predict():
        with torch.no_grad():
            parts = [model(xp[s : s + c["predictBatch"]]) for s in range(0, xp.shape[0], c["predictBatch"])]
            return torch.softmax(torch.cat(parts), dim=1)

    out["predictSeconds"] = round(median_time(predict, 1, cfg["predictRuns"]), 4)
    return out


def bench_regression(torch, cfg):
    c = cfg["regression"]
    nn = torch.nn
    model = nn.Sequential(nn.Linear(c["features"], c["hidden"]), nn.ReLU(), nn.Linear(c["hidden"], 1))
    x = torch.rand(c["rows"], c["features"])
    y = torch.rand(c["rows"], 1)
    return time_training(torch, cfg, "regression", model, nn.MSELoss(), x, y, c["batch"])


def bench_rnn(torch, cfg):
    c = cfg["rnn"]
    nn = torch.nn

    class Rnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(c["features"], c["lstm"], batch_first=True)
            self.gru = nn.GRU(c["lstm"], c["gru"], batch_first=True)
            self.out = nn.Linear(c["gru"], 1)

        def forward(self, x):
            seq, _ = self.lstm(x)  # returnSequences
            _, h = self.gru(seq)
            return self.out(h[-1])

    x = torch.rand(c["rows"], c["timesteps"], c["features"])
    y = torch.rand(c["rows"], 1)
    return time_training(torch, cfg, "rnn", Rnn(), nn.MSELoss(), x, y, c["batch"])


TASKS = {"matmul": bench_matmul, "mlp": bench_mlp, "regression": bench_regression, "rnn": bench_rnn}


def main():
    try:
        cfg = json.loads(sys.argv[1])
        import torch

        torch.set_num_threads(1)
        torch.manual_seed(0)
        results = {t: TASKS[t](torch, cfg) for t in cfg["tasks"]}
        torch.matmul(torch.rand(64, 64), torch.rand(64, 64))  # loads the BLAS if no task did
        out = {
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
            "blas": blas_library(),
            "results": results,
        }
    except Exception as e:  # reported, never raised: the benchmark must not fail
        out = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
