/**
 * Running the PyTorch side (bench/torch_models.py) from the TypeScript benchmark.
 *
 * Behaviour: `torchAvailable()` checks once that `/usr/bin/python3 -c "import torch"` works
 * (else `python3` on PATH; `TSLAB_ML_BENCH_PYTHON=/path/python` names another one, e.g. a
 * missing one to see the null columns). `TorchSession.open()` starts the script once with the
 * shared `SHAPES` and counts as a JSON argument, on one CPU thread (`torch.set_num_threads(1)`
 * plus OMP_NUM_THREADS and OPENBLAS_NUM_THREADS = 1; glibc malloc settled, see `TORCH_ENV`);
 * each `request` then times one thing (a
 * matMul form, one epoch, one predict, a step profile), so the rows can alternate one run of
 * ours with one of theirs. Missing PyTorch or a failed request gives null, with the reason in
 * `torchProblem()`; nothing here throws. `torchBlas()` names the
 * BLAS library PyTorch loaded; `torchBlasWarning()` is set when that is the reference BLAS
 * (Debian's libblas3, 10–40× slower than OpenBLAS), which would make every ratio flatter.
 *
 * Run: imported by `bench/run.ts`. Install PyTorch on Debian with
 * `apt-get update && apt-get install -y python3-torch libopenblas0`.
 *
 * @example
 * const torch = await TorchSession.open();
 * await torch?.number({ cmd: "epoch", task: "regression" }, "seconds"); // e.g. 0.0034
 * torch?.close();
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "child_process";
import fs from "fs";
import path from "path";
import readline from "readline";
import { packageRoot } from "../kernel/paths";
import { SHAPES } from "./lessonModels";
import { K, M, N } from "./matmul";

export type TorchTask = "mlp" | "regression" | "rnn";

/** Shared timing settings: both sides use the same counts. */
export const COUNTS = {
  warmupEpochs: 1,
  timedEpochs: 5,
  predictRuns: 5,
  matmul: { m: M, k: K, n: N, warmup: 3, timed: 15 },
};

/**
 * The PyTorch process's environment: one thread, and glibc's malloc told to serve large blocks
 * from its heap (as it does by itself once a process has freed a large block). Without that, a
 * fresh process mmaps and unmaps every tensor above 128 KB; its MLP epoch at batch 32 took
 * 0.24–0.29 s instead of 0.17–0.18 s, depending on what the process had done before.
 */
export const TORCH_ENV = {
  OMP_NUM_THREADS: "1",
  OPENBLAS_NUM_THREADS: "1",
  MKL_NUM_THREADS: "1",
  MALLOC_MMAP_THRESHOLD_: String(32 << 20),
  MALLOC_TRIM_THRESHOLD_: String(256 << 20),
};

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

/** The PyTorch version of the last session opened. */
export function torchVersion(): string | null {
  return version;
}

/** The BLAS library PyTorch loaded in the last session opened (a path), or null. */
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

/** One request to the PyTorch process (bench/torch_models.py documents them). */
export type TorchRequest =
  | { cmd: "matmul"; form: string }
  | { cmd: "epoch"; task: TorchTask; batch?: number }
  | { cmd: "predict" }
  | { cmd: "profile"; task: TorchTask; batch?: number };

/**
 * A running bench/torch_models.py that answers one request per line, so that both sides can
 * alternate. `open()` resolves to null when PyTorch is missing or the process fails to start
 * (the reason is in `torchProblem()`); `request` resolves to null when the request failed.
 */
export class TorchSession {
  private readonly pending: Array<(line: string | null) => void> = [];

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => this.pending.shift()?.(line));
    child.on("close", () => {
      for (const resolve of this.pending.splice(0)) resolve(null);
    });
  }

  /** Starts the process with the shared `SHAPES` and counts; null when unavailable. */
  static async open(): Promise<TorchSession | null> {
    const py = torchAvailable();
    if (py === null) return null;
    const script = path.join(packageRoot(), "bench", "torch_models.py");
    const config = JSON.stringify({ ...COUNTS, ...SHAPES });
    const env = { ...process.env, ...TORCH_ENV };
    const child = spawn(py, [script, config], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const session = new TorchSession(child);
    const hello = await session.next();
    if (hello === null || typeof hello.error === "string" || hello.torch === undefined) {
      const tail = stderr.trim().split("\n").slice(-3).join(" | ");
      problem = `torch_models.py failed: ${String(hello?.error ?? "no output")} ${tail}`.trim();
      session.close();
      return null;
    }
    version = String(hello.torch);
    blas = typeof hello.blas === "string" ? hello.blas : null;
    return session;
  }

  /** The next answer line, parsed; null at the end of the output or on a timeout. */
  private next(): Promise<Record<string, unknown> | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        problem = "torch_models.py did not answer within 600 s";
        this.close();
      }, 600_000);
      this.pending.push((line) => {
        clearTimeout(timer);
        try {
          resolve(line === null ? null : (JSON.parse(line) as Record<string, unknown>));
        } catch {
          resolve({ error: `not JSON: ${line}` });
        }
      });
    });
  }

  /** Sends `req`; its answer, or null (with the reason in `torchProblem()`) when it failed. */
  async request(req: TorchRequest): Promise<Record<string, unknown> | null> {
    if (this.child.exitCode !== null || this.child.stdin.destroyed) return null;
    const answer = this.next();
    this.child.stdin.write(JSON.stringify(req) + "\n");
    const out = await answer;
    if (out === null || typeof out.error === "string") {
      problem = `torch_models.py: ${req.cmd} failed: ${String(out?.error ?? "no answer")}`;
      return null;
    }
    return out;
  }

  /** A number field of the answer to `req`, or null. */
  async number(req: TorchRequest, field: "seconds" | "gflops"): Promise<number | null> {
    const value = (await this.request(req))?.[field];
    return typeof value === "number" ? value : null;
  }

  /** Ends the process. */
  close(): void {
    this.child.stdin.end();
    if (this.child.exitCode === null) this.child.kill();
  }
}
