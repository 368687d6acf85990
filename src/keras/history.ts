/**
 * `History`: what `fit` returns, as Keras's `History` callback object.
 *
 * Behaviour: `history` maps each log key to one value per completed epoch, keys sorted as Keras
 * shows them (`accuracy`, `loss`, `val_accuracy`, `val_loss`, plus `learning_rate` when a
 * callback changes it); `epoch` lists the 0-based epochs run; `params` is
 * `{verbose, epochs, steps}`.
 *
 * @example
 * const history = await model.fit(x, y, { epochs: 3, validationSplit: 0.2 });
 * Object.keys(history.history); // ["loss", "val_loss"]
 * history.epoch; // [0, 1, 2]
 */
import type { Logs } from "./callbacks/callback";

/** `fit`'s run parameters as Keras reports them. */
export interface HistoryParams {
  verbose: 0 | 1 | 2;
  epochs: number;
  steps: number;
}

/** The record of one `fit` run. */
export class History {
  /** Metric values per epoch by Keras key. */
  history: Record<string, number[]> = {};
  /** The 0-based epochs that completed. */
  epoch: number[] = [];

  constructor(readonly params: HistoryParams) {}

  /** Appends one epoch's logs (called by `fit` after the callbacks' `onEpochEnd`). */
  record(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const key of Object.keys(logs)) {
      const v = logs[key];
      if (typeof v !== "number") continue;
      (this.history[key] ??= []).push(v);
    }
    const sorted: Record<string, number[]> = {};
    for (const key of Object.keys(this.history).sort()) sorted[key] = this.history[key];
    this.history = sorted;
  }
}
