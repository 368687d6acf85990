#!/usr/bin/env node
/**
 * The "TypeScript ML" Jupyter kernel: `node dist/kernel/main.js
 * --connection-file FILE` (Jupyter starts it from the kernelspec).
 *
 * Behaviour: checks the connection file (a missing or malformed one prints
 * one line on stderr and exits with code 2), makes `tslab-ml` importable
 * from any folder, and serves Jupyter's protocol with tslab's TypeScript
 * engine. SIGINT (Jupyter's interrupt) stops the running cell. An error
 * that escapes a cell (thrown in a timer, a promise rejection nobody
 * handles), even after the cell finished, is reported on the cell that caused
 * it (processGuard.ts, lateErrors.ts) and the kernel keeps running, whatever
 * listeners libraries add to `process`.
 *
 * @example
 * node dist/kernel/main.js --connection-file /run/user/1000/jupyter/kernel-1.json
 */
import { readConnectionFile, ConnectionFileError } from "./connection";
import { installModuleHook } from "./moduleHook";
import { Converters } from "./converters";
import { CellRunner } from "./cellRunner";
import { MlKernelHandler } from "./handler";
import { MlZmqServer } from "./server";
import { installBridge } from "./bridge";
import { lastWriteDisplayDataSetter } from "./tslabDisplay";
import { guardProcessErrors } from "./processGuard";
import { packageRoot } from "./paths";

/** The value of `--connection-file` (or tslab's `--config-path`, or a bare path). */
export function connectionFileArg(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    for (const flag of ["--connection-file", "--config-path", "-f"]) {
      if (a === flag) return argv[i + 1];
      if (a.startsWith(flag + "=")) return a.slice(flag.length + 1);
    }
  }
  return argv.find((a) => !a.startsWith("-"));
}

/**
 * Load TensorFlow.js while the compiler thread is still busy, so that the first
 * `import * as ml from "tslab-ml"` finds it loaded (about 0.1 s). It has no output and starts
 * nothing; tslab-ml itself (which announces its backend) still loads in the user's cell.
 */
function preloadTensorFlow(): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(require.resolve("@tensorflow/tfjs", { paths: [packageRoot()] }));
  } catch {
    // the user's import reports it
  }
}

function main(): void {
  const file = connectionFileArg(process.argv.slice(2));
  try {
    readConnectionFile(file);
  } catch (e) {
    if (e instanceof ConnectionFileError) {
      process.stderr.write(e.message + "\n");
      process.exit(2);
    }
    throw e;
  }
  installModuleHook();
  const converters = new Converters();
  converters.warm(); // the compiler starts in its own thread before the first cell
  const runner = new CellRunner(process.cwd(), converters);
  const handler = new MlKernelHandler(runner);
  installBridge({
    publisher: () => handler.currentPublisher(),
    markShown: (value) => handler.markShown(value),
  });
  lastWriteDisplayDataSetter(() => handler.currentPublisher());
  const server = new MlZmqServer(handler, file as string);
  process.on("SIGINT", () => handler.interrupt());
  guardProcessErrors((kind, reason) => handler.lateErrors.report(kind, reason));
  server
    .init()
    .then(() => setImmediate(preloadTensorFlow))
    .catch((e) => {
      process.stderr.write(`tslab-ml kernel: cannot start: ${(e as Error).message}\n`);
      process.exit(2);
    });
}

if (require.main === module) main();
