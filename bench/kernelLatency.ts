/**
 * Kernel start-up and trivial-cell latency of this project's kernel, through jupyter_client.
 *
 * Behaviour: finds a Python with jupyter_client (`ensurePython(JUPYTER_FOR_TESTS)` from
 * kernel/bootstrap.ts), writes the tslab-ml kernelspec into a temporary Jupyter path
 * (`writeKernelspec`), runs bench/kernel_latency.py with `JUPYTER_PATH` set to it, removes the
 * folder and returns the script's JSON (`readySeconds` and `importSeconds`, medians of `starts`
 * kernel starts; `trivialMedianMs`), or `{ error }`. Never throws. Needs the compiled kernel
 * (`npm run build`).
 *
 * Run: imported by `bench/run.ts`.
 *
 * @example
 * measureKernel(20, 3).importSeconds; // e.g. 3.4
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { ensurePython, JUPYTER_FOR_TESTS } from "../kernel/bootstrap";
import { writeKernelspec } from "../kernel/kernelspec";
import { packageRoot } from "../kernel/paths";

/** What bench/kernel_latency.py reports. */
export interface KernelTimes {
  readySeconds?: number;
  importSeconds?: number;
  importSecondsAll?: number[];
  importResult?: string;
  trivialMedianMs?: number;
  /** Median latency of a new small cell each time (`const v{i} = {i} + 1`), after the import. */
  newCellMedianMs?: number;
  trivialRuns?: number;
  starts?: number;
  error?: string;
}

/** Starts the kernel `starts` times; `runs` trivial cells are timed (after 3 warm-ups) in the first. */
export function measureKernel(runs: number, starts: number): KernelTimes {
  let tmp: string | null = null;
  try {
    const python = ensurePython(JUPYTER_FOR_TESTS);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tslab-ml-bench-jupyter-"));
    const jupyterPath = path.join(tmp, "share", "jupyter");
    writeKernelspec(jupyterPath);
    const script = path.join(packageRoot(), "bench", "kernel_latency.py");
    const r = spawnSync(python, [script, String(runs), String(starts)], {
      cwd: tmp,
      env: { ...process.env, JUPYTER_PATH: jupyterPath },
      encoding: "utf8",
      timeout: 300_000,
    });
    const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("{"));
    if (line === undefined) {
      return { error: `kernel_latency.py printed no JSON: ${(r.stderr ?? "").slice(-300)}` };
    }
    return JSON.parse(line) as KernelTimes;
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    if (tmp !== null) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
