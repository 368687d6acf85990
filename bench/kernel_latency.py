"""Kernel start-up and cell latency of the tslab-ml kernel, measured through jupyter_client.

Behaviour: with JUPYTER_PATH pointing at a folder that holds the tslab-ml kernelspec (the
caller, bench/kernelLatency.ts, writes one into a temporary folder), starts the kernel with
KernelManager and measures: seconds from start_kernel() to kernel_info (ready), seconds from
start_kernel() to the first execute_result of `import * as ml from "tslab-ml"` (the first cell),
both the median of STARTS kernel starts, and the latency of a trivial cell `1 + 1` (execute
request to the idle status after its reply) in the first kernel, median of RUNS runs after
WARMUP runs, in milliseconds; the same for a new small cell each time (NEW_CELL), which the
compiler cannot answer from its previous program. Shuts each kernel down.

Run: JUPYTER_PATH=/tmp/x/share/jupyter python3 bench/kernel_latency.py [RUNS] [STARTS]
Prints ONE JSON object on stdout and always exits 0; a failure is reported as {"error": "..."}.

Example:
    python3 bench/kernel_latency.py 20 3
    # {"readySeconds": 1.9, "importSeconds": 4.1, "trivialMedianMs": 6.5, ...}
"""
import json
import statistics
import sys
import time

IMPORT_CELL = 'import * as ml from "tslab-ml";\nObject.keys(ml).length'
TRIVIAL_CELL = "1 + 1"
# A different small cell each time, declaring a name as real cells do: the compiler cannot reuse
# the previous program as it does for a repeated `1 + 1`.
NEW_CELL = "const v{i} = {i} + 1;\nv{i}"
WARMUP = 3


def run_cell(kc, code, timeout=120):
    """Runs `code`; returns (seconds to its first execute_result, seconds to idle, its text)."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "execute_result" and result is None:
            result = (time.perf_counter() - start, msg["content"]["data"].get("text/plain"))
        if kind == "error":
            raise RuntimeError(f"{msg['content']['ename']}: {msg['content']['evalue']}")
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            if result is None:
                raise RuntimeError(f"no execute_result for {code!r}")
            return result[0], time.perf_counter() - start, result[1]


def start_and_import(trivial_runs):
    """One kernel start: (ready seconds, import seconds, import result, trivial cell seconds)."""
    from jupyter_client import KernelManager

    km = KernelManager(kernel_name="tslab-ml")
    kc = None
    try:
        start = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        ready = time.perf_counter() - start
        request = time.perf_counter()
        to_result, _, value = run_cell(kc, IMPORT_CELL)
        imported = request + to_result - start
        times = [run_cell(kc, TRIVIAL_CELL, timeout=30)[1] for _ in range(trivial_runs)]
        fresh = [run_cell(kc, NEW_CELL.format(i=i), timeout=30)[1] for i in range(trivial_runs)]
        return ready, imported, value, times, fresh
    finally:
        if kc is not None:
            kc.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=False)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    starts = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    try:
        ready, imported, trivial, fresh = [], [], [], []
        value = None
        for i in range(starts):
            r, m, value, times, new = start_and_import(WARMUP + runs if i == 0 else 0)
            ready.append(r)
            imported.append(m)
            trivial += times[WARMUP:]
            fresh += new[WARMUP:]
        out = {
            "readySeconds": round(statistics.median(ready), 3),
            "importSeconds": round(statistics.median(imported), 3),
            "importSecondsAll": [round(t, 3) for t in imported],
            "importResult": value,
            "trivialMedianMs": round(statistics.median(trivial) * 1000, 2),
            "newCellMedianMs": round(statistics.median(fresh) * 1000, 2),
            "trivialRuns": runs,
            "starts": starts,
        }
    except Exception as e:  # reported, never raised: the benchmark must not fail
        out = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
