/**
 * Running the PyTorch side (bench/torch_models.py) from the TypeScript benchmark.
 *
 * Behaviour: `torchAvailable()` checks once that `/usr/bin/python3 -c "import torch"` works
 * (else `python3` on PATH; `TSLAB_ML_BENCH_PYTHON=/path/python` names another one, e.g. a
 * missing one to see the null columns). `runTorch(tasks)` runs the script with the shared `SHAPES` and epoch
 * counts as a JSON argument, one CPU thread (`torch.set_num_threads(1)` plus OMP_NUM_THREADS and
 * OPENBLAS_NUM_THREADS = 1), and returns its `results`, or null when PyTorch is missing or the
 * script failed (the reason is kept in `torchProblem()`). Never throws. `torchBlas()` names the
 * BLAS library PyTorch loaded; `torchBlasWarning()` is set when that is the reference BLAS
 * (Debian's libblas3, 10–40× slower than OpenBLAS), which would make every ratio flatter.
 *
 * Run: imported by `bench/run.ts`. Install PyTorch on Debian with
 * `apt-get update && apt-get install -y python3-torch libopenblas0`.
 *
 * @example
 * const r = runTorch(["regression"]);
 * r?.regression.epochSeconds; // e.g. 0.0034, or undefined without PyTorch
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { packageRoot } from "../kernel/paths";
import { SHAPES } from "./lessonModels";
import { K, M, N } from "./matmul";

export type TorchTask = "matmul" | "mlp" | "regression" | "rnn";

/** Shared timing settings: both sides use the same counts. */
export const COUNTS = {
  warmupEpochs: 1,
  timedEpochs: 5,
  predictRuns: 5,
  matmul: { m: M, k: K, n: N, warmup: 3, timed: 15 },
};

interface TorchOutput {
  torch?: string;
  threads?: number;
  blas?: string | null;
  error?: string;
  results?: Record<string, Record<string, unknown>>;
}

let python: string | null | undefined;
let problem: string | null = null;
let version: string | null = null;
let blas: string | null = null;

const importsTorch = (py: string) =>
  spawnSync(py, ["-c", "import torch"], { stdio: "ignore", timeout: 120_000 }).status === 0;

/** The Python that can import torch, or null. */
export function torchAvailable(): string | null {
  if (python !== undefined) return python;
  const asked = process.env.TSLAB_ML_BENCH_PYTHON;
  const candidates = (asked ? [asked] : ["/usr/bin/python3", "python3"]).filter(
    (p) => !p.startsWith("/") || fs.existsSync(p),
  );
  python = candidates.find(importsTorch) ?? null;
  if (python === null) {
    problem = `no Python that imports torch (${candidates.join(", ") || asked}); apt-get install -y python3-torch`;
  }
  return python;
}

/** Why the PyTorch side is null, if it is. */
export function torchProblem(): string | null {
  return problem;
}

/** The PyTorch version of the last successful run. */
export function torchVersion(): string | null {
  return version;
}

/** The BLAS library PyTorch loaded in the last successful run (a path), or null. */
export function torchBlas(): string | null {
  return blas;
}

/** Debian's reference BLAS lives in `…/blas/libblas.so.3`; OpenBLAS, BLIS and MKL elsewhere. */
export function isReferenceBlas(library: string): boolean {
  return /\/blas\/libblas\.so/.test(library);
}

/** A warning when PyTorch ran on the reference BLAS, else null. */
export function torchBlasWarning(): string | null {
  if (blas === null || !isReferenceBlas(blas)) return null;
  return (
    `PyTorch ran on the reference BLAS (${blas}), 10–40× slower than OpenBLAS: ` +
    "the ratios flatter tslab-ml. apt-get install -y libopenblas0 and run again."
  );
}

/** Runs `tasks` on PyTorch; null when unavailable or failed. `profile` names rows to profile. */
export function runTorch(
  tasks: TorchTask[],
  profile: string[] = [],
): Record<string, Record<string, unknown>> | null {
  const py = torchAvailable();
  if (py === null) return null;
  const script = path.join(packageRoot(), "bench", "torch_models.py");
  const config = JSON.stringify({ tasks, profile, ...COUNTS, ...SHAPES });
  const env = {
    ...process.env,
    OMP_NUM_THREADS: "1",
    OPENBLAS_NUM_THREADS: "1",
    MKL_NUM_THREADS: "1",
  };
  const r = spawnSync(py, [script, config], { env, encoding: "utf8", timeout: 600_000 });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
  let out: TorchOutput = {};
  try {
    out = line === undefined ? { error: "no output" } : (JSON.parse(line) as TorchOutput);
  } catch (e) {
    out = { error: String(e) };
  }
  if (out.results === undefined) {
    const stderr = (r.stderr ?? "").trim().split("\n").slice(-3).join(" | ");
    problem = `torch_models.py failed: ${out.error ?? r.error?.message ?? "unknown"} ${stderr}`;
    return null;
  }
  version = out.torch ?? null;
  blas = out.blas ?? null;
  return out.results;
}
