/**
 * The models created since the last `keras.backend.clearSession()`, so that it can free them.
 *
 * @example
 * track(model);
 * disposeTracked(); // model.isDisposed === true
 */

/** Something that holds tensors until disposed. */
export interface Disposable {
  dispose(): void;
}

const live = new Set<Disposable>();

/** Remembers a model for the next `clearSession()`. */
export function track(model: Disposable): void {
  live.add(model);
}

/** Forgets a model (it was disposed by hand). */
export function untrack(model: Disposable): void {
  live.delete(model);
}

/** Disposes every tracked model and forgets them. */
export function disposeTracked(): void {
  const models = [...live];
  live.clear();
  for (const m of models) m.dispose();
}

/** How many models are tracked (created since the last `clearSession()` and not disposed). */
export function trackedCount(): number {
  return live.size;
}

/** Whether `value` is a model tracked here (built and not disposed). */
export function isTracked(value: unknown): value is Disposable {
  return live.has(value as Disposable);
}
