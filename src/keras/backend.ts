/**
 * `keras.backend.clearSession()`: start a notebook cell from a clean state;
 * `keras.backend.memoryReport()`: how many tensors and models are held (see memoryReport.ts).
 *
 * Behaviour: disposes every model created since the previous call (their weights and optimizer
 * state are freed: using them afterwards throws) and resets the layer-name counters, so the next
 * model is again `sequential` with layers `dense`, `dense_1`… Then, as Keras 3 does with
 * `gc.collect()`, it runs a full garbage collection so that the memory of what is no longer
 * referenced goes back to the system. Re-running a cell that starts with it does not grow memory.
 *
 * Options:
 * - `freeMemory` (default true): run the garbage collection (Keras's `free_memory`); false skips
 *   it, for a loop that calls `clearSession` many times.
 *
 * @example
 * keras.backend.clearSession();
 * Dense(4).name; // "dense"
 */
import { resetNames } from "./naming";
import { disposeTracked } from "./engine/registry";
import { collectGarbage } from "./collectGarbage";
import { checkOptions } from "../data/options";

export { memoryReport, MemoryReport } from "./memoryReport";

/** Frees the models built so far and resets layer names (see the module doc). */
export function clearSession(options: { freeMemory?: boolean } = {}): void {
  checkOptions("clearSession", options, ["freeMemory"]);
  disposeTracked();
  resetNames();
  if (options.freeMemory ?? true) collectGarbage();
}
