/** Global key of the array of promises the Jupyter kernel awaits before finishing a cell. */
export const PENDING_KEY: symbol = Symbol.for("tslab-ml.pending");

/**
 * Registers a promise on the global pending list (`globalThis[Symbol.for("tslab-ml.pending")]`,
 * created if missing) so that the tslab-ml Jupyter kernel can await it before it reports a cell
 * as finished. The kernel owns the list and clears it; this function only appends.
 *
 * @param promise The work in progress, e.g. backend initialisation.
 * @returns The same promise, for chaining.
 * @example
 * registerPending(tf.setBackend("wasm"));
 */
export function registerPending<T>(promise: Promise<T>): Promise<T> {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  let list = holder[PENDING_KEY];
  if (!Array.isArray(list)) {
    list = [];
    holder[PENDING_KEY] = list;
  }
  (list as Promise<unknown>[]).push(promise);
  return promise;
}
