/**
 * `TerminateOnNaN()`: stop training as soon as a batch loss is NaN or infinite
 * (Keras `keras.callbacks.TerminateOnNaN`).
 *
 * Behaviour, as Keras: after each batch, a `loss` that is NaN or ±Infinity prints
 * `Batch 3: Invalid loss, terminating training` (the 0-based batch index within the epoch, as
 * Keras prints it) and sets `model.stopTraining`, so `fit` stops and the other callbacks still
 * run their end-of-training steps (it stays silent while the stop is pending). With `raiseError: true` it throws
 * instead, skipping them.
 *
 * @example
 * await model.fit(x, y, { epochs: 50, callbacks: [TerminateOnNaN()] });
 */
import { Callback, type Logs } from "./callback";
import { trainingLog } from "./trainingLog";

/** Options of `TerminateOnNaN`. */
export interface TerminateOnNaNOptions {
  /** Throw an Error at the first invalid loss instead of stopping gracefully. Default false. */
  raiseError?: boolean;
}

/**
 * The callback made by `TerminateOnNaN` (see there).
 *
 * @example
 * new TerminateOnNaNCallback({ raiseError: true }).raiseError; // true
 */
export class TerminateOnNaNCallback extends Callback {
  readonly raiseError: boolean;

  constructor(options: TerminateOnNaNOptions = {}) {
    super();
    this.raiseError = options.raiseError ?? false;
  }

  override onBatchEnd(batch: number, logs?: Logs): void {
    const loss = logs?.loss;
    if (typeof loss !== "number" || Number.isFinite(loss) || this.model?.stopTraining) return;
    if (this.raiseError) {
      throw new Error(
        `TerminateOnNaN: NaN or Inf loss encountered at batch ${batch}. Loss value: ${String(loss)
          .replace("Infinity", "inf")
          .replace("NaN", "nan")}. Terminating training immediately.`,
      );
    }
    trainingLog(`Batch ${batch}: Invalid loss, terminating training`);
    if (this.model) this.model.stopTraining = true;
  }
}

/**
 * Stops training at the first NaN or infinite batch loss (Keras `TerminateOnNaN`; see the
 * module doc).
 *
 * @example
 * TerminateOnNaN().raiseError; // false
 */
export function TerminateOnNaN(options: TerminateOnNaNOptions = {}): TerminateOnNaNCallback {
  return new TerminateOnNaNCallback(options);
}
