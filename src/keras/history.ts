/**
 * `History`: what `fit` returns, as Keras's `History` callback object.
 *
 * Behaviour: `history` maps each log key to one value per completed epoch, keys sorted as Keras
 * shows them (`accuracy`, `loss`, `val_accuracy`, `val_loss`, plus `learning_rate` when the
 * rate changes or a callback logs it; it then has one value per epoch too, the epochs before
 * the change holding the initial rate); `epoch` lists the 0-based epochs run; `params` is
 * `{verbose, epochs, steps}`. In a notebook a History shows as its learning curves (the figure
 * of `historyFigure`); with no completed epoch it shows as one line of text.
 *
 * @example
 * const history = await model.fit(x, y, { epochs: 3, validationSplit: 0.2 });
 * Object.keys(history.history); // ["loss", "val_loss"]
 * history.epoch; // [0, 1, 2]
 * history; // as the last expression of a cell: the loss curves
 */
import type { Logs } from "./callbacks/callback";
import { figureBundle } from "../display/figureBundle";
import { JUPYTER_DISPLAY, type MimeBundle } from "../display/mime";
import { historyFigure } from "../plot/historyFigure";

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

  /**
   * Appends one epoch's logs (called by `fit` after the callbacks' `onEpochEnd`). A key of
   * `earlier` that first appears after the first epoch gets that value for the epochs before,
   * so its list stays one value per epoch (`fit` passes the initial `learning_rate`).
   */
  record(epoch: number, logs: Logs, earlier: Logs = {}): void {
    const before = this.epoch.length;
    this.epoch.push(epoch);
    for (const key of Object.keys(logs)) {
      const v = logs[key];
      if (typeof v !== "number") continue;
      if (!(key in this.history) && before > 0 && typeof earlier[key] === "number") {
        this.history[key] = new Array<number>(before).fill(earlier[key]);
      }
      (this.history[key] ??= []).push(v);
    }
    const sorted: Record<string, number[]> = {};
    for (const key of Object.keys(this.history).sort()) sorted[key] = this.history[key];
    this.history = sorted;
  }

  /** The notebook display: the learning curves (see the module doc). */
  [JUPYTER_DISPLAY](): MimeBundle {
    if (this.epoch.length === 0 || Object.keys(this.history).length === 0) {
      return { "text/plain": "History: no epoch completed" };
    }
    return figureBundle(historyFigure(this));
  }
}
