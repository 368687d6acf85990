/**
 * Keras-style unique names: `dense`, `dense_1`, `dense_2`…, reset by `clearSession()`.
 *
 * Every layer and model factory takes its default name from here so that summaries read like
 * Keras (`dense_1`, not tfjs's `dense_Dense1`).
 *
 * @example
 * uniqueName("dense"); // "dense"
 * uniqueName("dense"); // "dense_1"
 */
const counters = new Map<string, number>();

/** The next free name for `base`: `base`, then `base_1`, `base_2`… */
export function uniqueName(base: string): string {
  const n = counters.get(base) ?? 0;
  counters.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

/** Forgets every counter (part of `keras.backend.clearSession()`). */
export function resetNames(): void {
  counters.clear();
}
