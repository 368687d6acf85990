/**
 * The progress display that `fit` adds for `verbose` 1 and 2 (Keras's ProgbarLogger).
 *
 * This is the single place that connects `fit` to the progress callback. As in Keras 3, `fit`
 * appends it after the user's callbacks (so it shows the `learning_rate` that ReduceLROnPlateau
 * logs, and their messages print before the epoch's final progress line), and none is added when
 * the user's callbacks already hold a ProgbarLogger (which then runs where the user put it).
 *
 * @example
 * progressCallbacks(0, []).length; // 0
 */
import type { Callback, PlainCallback } from "../callbacks/callback";
import { ProgbarLogger, ProgbarLoggerCallback } from "../callbacks/progbarLogger";

/** The progress callbacks for a `verbose` level (none for 0). */
export function progressCallbacks(
  verbose: 0 | 1 | 2,
  userCallbacks: Array<Callback | PlainCallback>,
): Callback[] {
  if (verbose === 0 || userCallbacks.some((cb) => cb instanceof ProgbarLoggerCallback)) return [];
  return [ProgbarLogger({ verbose })];
}
