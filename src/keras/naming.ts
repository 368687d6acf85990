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

/**
 * Gives a raw tfjs layer that kept tfjs's generated name (`dense_Dense1`, `my_dense_MyDense2`)
 * the Keras-style name instead (`dense`, `my_dense_1`), before it is built. Names given by the
 * user, and layers already built, are left alone.
 */
export function adoptTfjsLayerName(layer: { name: string; built: boolean }): void {
  if (layer.built) return;
  const className = (layer.constructor as { className?: string }).className;
  if (!className) return;
  const m = new RegExp(`^(.+)_${className}\\d+$`).exec(layer.name);
  if (!m) return;
  (layer as { name: string }).name = uniqueName(m[1]);
}
