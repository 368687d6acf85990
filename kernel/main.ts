#!/usr/bin/env node
/**
 * The "TypeScript ML" Jupyter kernel: `node dist/kernel/main.js
 * --connection-file FILE` (Jupyter starts it from the kernelspec).
 *
 * Behaviour: checks the connection file (a missing or malformed one prints
 * one line on stderr and exits with code 2), makes `tslab-ml` importable
 * from any folder, and serves Jupyter's protocol with tslab's TypeScript
 * engine. SIGINT (Jupyter's interrupt) stops the running cell; uncaught
 * errors are reported and the kernel keeps running.
 */
import { readConnectionFile, ConnectionFileError } from "./connection";
import { installModuleHook } from "./moduleHook";
import { Converters } from "./converters";
import { CellRunner } from "./cellRunner";
import { MlKernelHandler } from "./handler";
import { MlZmqServer } from "./server";
import { installBridge } from "./bridge";
import { lastWriteDisplayDataSetter } from "./tslabDisplay";

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
  void converters.node; // warm the compiler before the first cell
  const runner = new CellRunner(process.cwd(), converters);
  const handler = new MlKernelHandler(runner);
  installBridge({
    publisher: () => handler.currentPublisher(),
    markShown: (value) => handler.markShown(value),
  });
  lastWriteDisplayDataSetter(() => handler.currentPublisher());
  const server = new MlZmqServer(handler, file as string);
  process.on("SIGINT", () => handler.interrupt());
  process.on("uncaughtException", (err) => console.error("Uncaught exception:", err));
  process.on("unhandledRejection", (reason) =>
    console.error("Unhandled promise rejection:", reason),
  );
  server.init().catch((e) => {
    process.stderr.write(`tslab-ml kernel: cannot start: ${(e as Error).message}\n`);
    process.exit(2);
  });
}

if (require.main === module) main();
