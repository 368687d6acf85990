"""The PyTorch side of the side-by-side benchmark, as a process that answers one request per line.

Behaviour: builds the lesson models of bench/lessonModels.ts in PyTorch on CPU with one thread
(torch.set_num_threads(1); the caller also sets OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1 and
glibc malloc thresholds, see TORCH_ENV in bench/torchSide.ts),
on synthetic data of the same shapes, and times one thing per request, so that the TypeScript
side can alternate with it (one epoch of ours, one of theirs): matMul GFLOP/s in one transpose
form (median of the timed runs), one training epoch (each shuffles the rows and takes one Adam
step per batch, lr 1e-3 and eps 1e-7 as Keras, the loss read per step; each task and batch
keeps its model and optimizer across requests), one predict (batches, no grad), or a per-op
profile of one training step. The first line answered is {"torch", "threads", "blas"}; a
request that fails is answered {"error": "..."}; the process ends at the end of its input.

Run: /usr/bin/python3 bench/torch_models.py '<config>' (the JSON that bench/torchSide.ts builds),
then requests on stdin, one JSON object per line.

Example:
    $ python3 bench/torch_models.py '{"regression": {"rows": 400, "features": 13, ...}, ...}'
    {"torch": "1.13.0a0", "threads": 1, "blas": "/usr/lib/.../openblas-pthread/libblas.so.3"}
    < {"cmd": "epoch", "task": "regression"}
    {"seconds": 0.0041}
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



def regression_model(torch, c):
    nn = torch.nn
    return nn.Sequential(nn.Linear(c["features"], c["hidden"]), nn.ReLU(), nn.Linear(c["hidden"], 1))


def rnn_model(torch, c):
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

    return Rnn()


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


class Session:
    """The models, data and optimizers of one benchmark run, each built on first use."""

    def __init__(self, torch, cfg):
        self.torch, self.cfg = torch, cfg
        self.trainings = {}
        self.predictor = None

    def task(self, name):
        """(model, loss, x, y, batch) of a task; the MLP's batch comes with each request."""
        torch, c = self.torch, self.cfg[name]
        if name == "mlp":
            layers = c["layers"]
            x = torch.rand(c["rows"], layers[0])
            labels = torch.randint(0, layers[3], (c["rows"],))
            y = torch.nn.functional.one_hot(labels, layers[3]).float()
            # softmax + categorical crossentropy on one-hot rows, fused as PyTorch users write it
            return mlp_model(torch, layers), torch.nn.CrossEntropyLoss(), x, y, None
        if name == "regression":
            x, y = torch.rand(c["rows"], c["features"]), torch.rand(c["rows"], 1)
            return regression_model(torch, c), torch.nn.MSELoss(), x, y, c["batch"]
        if name == "rnn":
            x, y = torch.rand(c["rows"], c["timesteps"], c["features"]), torch.rand(c["rows"], 1)
            return rnn_model(torch, c), torch.nn.MSELoss(), x, y, c["batch"]
        raise ValueError(f"unknown task {name!r}")

    def training(self, name, batch):
        key = (name, batch)
        if key not in self.trainings:
            model, loss_fn, x, y, default_batch = self.task(name)
            b = batch or default_batch
            epoch, step = epoch_runner(self.torch, model, adam(self.torch, model), loss_fn, x, y, b)
            self.trainings[key] = (epoch, step, x[:b], y[:b])
        return self.trainings[key]

    def predict(self):
        torch, c = self.torch, self.cfg["mlp"]
        if self.predictor is None:
            model = mlp_model(torch, c["layers"]).eval()
            xp = torch.rand(c["predictRows"], c["layers"][0])
            rows, batch = xp.shape[0], c["predictBatch"]

            def predict():
                with torch.no_grad():
                    parts = [model(xp[s : s + batch]) for s in range(0, rows, batch)]
                    return torch.softmax(torch.cat(parts), dim=1)

            self.predictor = predict
        return timed(self.predictor)

    def matmul(self, form):
        torch, mm = self.torch, self.cfg["matmul"]
        m, k, n = mm["m"], mm["k"], mm["n"]
        a = torch.rand(k, m).t() if form[0] == "T" else torch.rand(m, k)
        b = torch.rand(n, k).t() if form[1] == "T" else torch.rand(k, n)
        seconds = median_time(lambda: torch.matmul(a, b), mm["warmup"], mm["timed"])
        return 2 * m * k * n / seconds / 1e9

    def handle(self, request):
        cmd = request["cmd"]
        if cmd == "matmul":
            return {"gflops": round(self.matmul(request["form"]), 2)}
        if cmd == "epoch":
            epoch = self.training(request["task"], request.get("batch"))[0]
            return {"seconds": round(timed(epoch), 5)}
        if cmd == "predict":
            return {"seconds": round(self.predict(), 5)}
        if cmd == "profile":
            _, step, xb, yb = self.training(request["task"], request.get("batch"))
            return {"profile": profile_step(self.torch, step, xb, yb)}
        raise ValueError(f"unknown cmd {cmd!r}")


def answer(out):
    print(json.dumps(out), flush=True)


def main():
    try:
        cfg = json.loads(sys.argv[1])
        import torch

        torch.set_num_threads(1)
        torch.manual_seed(0)
        torch.matmul(torch.rand(64, 64), torch.rand(64, 64))  # loads the BLAS
        session = Session(torch, cfg)
        answer({"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library()})
    except Exception as e:  # reported, never raised: the benchmark must not fail
        answer({"error": f"{type(e).__name__}: {e}"})
        return
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer(session.handle(json.loads(line)))
        except Exception as e:  # one failed request, the process goes on
            answer({"error": f"{type(e).__name__}: {e}"})


if __name__ == "__main__":
    main()
