/**
 * `keras.backend.clearSession()`: start a notebook cell from a clean state;
 * `keras.backend.memoryReport()`: how many tensors and models are held (see memoryReport.ts).
 *
 * Behaviour: disposes every model created since the previous call (their weights and optimizer
 * state are freed: using them afterwards throws) and resets the layer-name counters, so the next
 * model is again `sequential` with layers `dense`, `dense_1`… Re-running a cell that starts with
 * it does not grow memory.
 *
 * @example
 * keras.backend.clearSession();
 * Dense(4).name; // "dense"
 */
import { resetNames } from "./naming";
import { disposeTracked } from "./engine/registry";

export { memoryReport, MemoryReport } from "./memoryReport";

/** Frees the models built so far and resets layer names (see the module doc). */
export function clearSession(): void {
  disposeTracked();
  resetNames();
}
