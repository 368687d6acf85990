/**
 * `collectGarbage()`: a full garbage collection of the JavaScript heap, as Python's
 * `gc.collect()` that Keras's `clear_session()` runs.
 *
 * Behaviour: uses `globalThis.gc` when Node runs with `--expose-gc`; otherwise enables that
 * flag at run time and takes `gc` from a fresh context (the flag only affects new contexts, so
 * nothing else changes). Returns false, doing nothing, where neither works.
 *
 * @example
 * collectGarbage(); // true: the heap was collected
 */
import v8 from "v8";
import vm from "vm";

let gc: (() => void) | null | undefined;

/** Runs a full garbage collection; false where the runtime does not allow it. */
export function collectGarbage(): boolean {
  if (gc === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") gc = exposed;
    else {
      try {
        v8.setFlagsFromString("--expose-gc");
        const fromContext: unknown = vm.runInNewContext("gc");
        gc = typeof fromContext === "function" ? (fromContext as () => void) : null;
      } catch {
        gc = null;
      }
    }
  }
  if (!gc) return false;
  gc();
  return true;
}
