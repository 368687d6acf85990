/**
 * Keeps the kernel process alive whatever a cell's callbacks throw.
 *
 * Behaviour: wraps `process.emit` for "uncaughtException" and
 * "unhandledRejection". The kernel's `report` sees each such error first;
 * then every listener registered on `process` for that event still runs, but
 * inside try/catch: a listener that rethrows the error it was given is
 * ignored, one that throws something else has that reported too. Other
 * events pass through unchanged.
 *
 * Why not just `process.on`: libraries register listeners that rethrow. The
 * Emscripten runtime of `@tensorflow/tfjs-backend-wasm` adds
 * `process.on("uncaughtException", (e) => { throw e })` (and the same for
 * rejections) when the wasm backend starts, and an exception thrown by a
 * listener ends the process — so one late error in a notebook that had used
 * the wasm backend killed the kernel. Wrapping `emit` covers listeners
 * however they were added. `process.setUncaughtExceptionCaptureCallback` is
 * not used because it makes `require("domain")` throw.
 *
 * @example
 * guardProcessErrors((kind, reason) => lateErrors.report(kind, reason));
 */
import type { EscapedErrorKind } from "./lateErrors";
import { kernelLog } from "./log";

type Report = (kind: EscapedErrorKind, reason: unknown) => void;
type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

let installed = false;

/** Install once; later calls do nothing. */
export function guardProcessErrors(report: Report): void {
  if (installed) return;
  installed = true;
  const emit = process.emit as unknown as Emit;
  const safeReport: Report = (kind, reason) => {
    try {
      report(kind, reason);
    } catch {
      try {
        kernelLog(`cannot report an ${kind}: ${String(reason)}`);
      } catch {
        // not even printable: nothing else to do
      }
    }
  };
  const guarded: Emit = function (this: NodeJS.Process, event, ...args) {
    if (event !== "uncaughtException" && event !== "unhandledRejection") {
      return emit.call(this, event, ...args);
    }
    safeReport(event, args[0]);
    const listeners = this.listeners as unknown as (e: string) => ((...a: unknown[]) => void)[];
    for (const listener of listeners.call(this, event)) {
      try {
        listener.apply(this, args);
      } catch (e) {
        if (e !== args[0]) safeReport("uncaughtException", e);
      }
    }
    return true;
  };
  (process as unknown as { emit: Emit }).emit = guarded;
}
