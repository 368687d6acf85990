/**
 * `EarlyStopping(options)`: stop training when a monitored metric has stopped improving
 * (Keras `keras.callbacks.EarlyStopping`).
 *
 * Behaviour, as Keras 3: at each epoch end from `startFromEpoch` on, the monitored value is
 * compared with the best so far; an improvement by more than `minDelta` (in the direction of
 * `mode`) resets the wait, unless a `baseline` is set and not beaten. When `patience` epochs
 * pass without improvement, `model.stopTraining` is set. With `restoreBestWeights`, the weights
 * of the best epoch are put back when training ends, whether or not it stopped early. With
 * `verbose: 1`, prints `Epoch 12: early stopping` and
 * `Restoring model weights from the end of the best epoch: 7.` (1-based epochs). A missing
 * monitored key gives a warning naming the available keys, and the epoch is skipped.
 *
 * @example
 * const es = EarlyStopping({ monitor: "val_loss", patience: 3, restoreBestWeights: true });
 * const history = await model.fit(x, y, { epochs: 100, validationSplit: 0.2, callbacks: [es] });
 * es.stoppedEpoch > 0; // true when training stopped early
 */
import type * as tf from "@tensorflow/tfjs";
import { Callback, type Logs } from "./callback";
import { trainingLog } from "./trainingLog";
import {
  checkCount,
  checkNumber,
  isImprovement,
  monitorValue,
  resolveMode,
  type MonitorMode,
} from "./monitor";

/** Options of `EarlyStopping`. */
export interface EarlyStoppingOptions {
  /** Log key to watch. Default `"val_loss"`. */
  monitor?: string;
  /** Smallest change that counts as an improvement (sign ignored). Default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping. Default 0. */
  patience?: number;
  /** 0 silent, 1 prints when stopping and restoring. Default 0. */
  verbose?: number;
  /** `"min"`, `"max"` or `"auto"` (from the metric name). Default `"auto"`. */
  mode?: MonitorMode;
  /** A value the metric must beat to reset the wait. Default none. */
  baseline?: number;
  /** Put back the weights of the best epoch at the end of training. Default false. */
  restoreBestWeights?: boolean;
  /** Epochs to train before watching (warm-up). Default 0. */
  startFromEpoch?: number;
}

/**
 * The callback made by `EarlyStopping` (see there).
 *
 * @example
 * new EarlyStoppingCallback({ monitor: "val_accuracy" }).mode; // "max"
 */
export class EarlyStoppingCallback extends Callback {
  readonly monitor: string;
  readonly mode: "min" | "max";
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: number;
  readonly baseline: number | undefined;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** 0-based epoch at which training was stopped (0 when it was not). */
  stoppedEpoch = 0;
  /** Best monitored value so far (null before the first). */
  best: number | null = null;
  /** 0-based epoch of the best value. */
  bestEpoch = 0;
  private bestWeights: tf.Tensor[] | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    super();
    const where = "EarlyStopping";
    this.monitor = options.monitor ?? "val_loss";
    this.mode = resolveMode(where, this.monitor, options.mode ?? "auto");
    this.minDelta = Math.abs(checkNumber(where, "minDelta", options.minDelta ?? 0));
    this.patience = checkCount(where, "patience", options.patience ?? 0);
    this.verbose = checkCount(where, "verbose", options.verbose ?? 0);
    this.baseline =
      options.baseline === undefined || options.baseline === null
        ? undefined
        : checkNumber(where, "baseline", options.baseline);
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.startFromEpoch = checkCount(where, "startFromEpoch", options.startFromEpoch ?? 0);
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestEpoch = 0;
    this.keepWeights(null);
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const current = monitorValue("Early stopping", this.monitor, logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    const model = this.model;
    if (this.restoreBestWeights && this.bestWeights === null && model) {
      this.keepWeights(model.getWeights());
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (this.best === null || isImprovement(this.mode, this.minDelta, current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights && model) this.keepWeights(model.getWeights());
      if (
        this.baseline === undefined ||
        isImprovement(this.mode, this.minDelta, current, this.baseline)
      ) {
        this.wait = 0;
      }
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      if (model) model.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) {
      trainingLog(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    }
    if (this.restoreBestWeights && this.bestWeights !== null && this.model) {
      if (this.verbose > 0) {
        trainingLog(
          `Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`,
        );
      }
      this.model.setWeights(this.bestWeights);
    }
    this.keepWeights(null);
  }

  /** Replaces the kept copies, disposing the previous ones. */
  private keepWeights(weights: tf.Tensor[] | null): void {
    if (this.bestWeights) for (const t of this.bestWeights) t.dispose();
    this.bestWeights = weights;
  }
}

/**
 * Stops training when `monitor` stops improving (Keras `EarlyStopping`; see the module doc).
 *
 * @example
 * EarlyStopping({ patience: 2 }).patience; // 2
 */
export function EarlyStopping(options: EarlyStoppingOptions = {}): EarlyStoppingCallback {
  return new EarlyStoppingCallback(options);
}
