/**
 * `ReduceLROnPlateau(options)`: multiply the learning rate by `factor` when a metric has stopped
 * improving (Keras `keras.callbacks.ReduceLROnPlateau`).
 *
 * Behaviour, as Keras: at each epoch end the current rate is written to `logs.learning_rate`
 * (so it appears in the History); when `monitor` has not improved by more than `minDelta` for
 * `patience` epochs, the rate becomes `max(lr × factor, minLr)` (if it is still above `minLr`),
 * then `cooldown` epochs pass before waiting starts again. `verbose: 1` prints
 * `Epoch 5: ReduceLROnPlateau reducing learning rate to 0.0001.` (Python's float repr). Works
 * with the SGD (with or without momentum), RMSprop, Adam and Adagrad optimizers: the next step
 * uses the new rate. `mode: "auto"` maximises accuracy-like names (`val_accuracy`, `val_auc`…)
 * and minimises the rest, like Keras (which checks only for `acc` in the name).
 *
 * @example
 * const plateau = ReduceLROnPlateau({ monitor: "val_loss", factor: 0.5, patience: 2, minLr: 1e-5 });
 * await model.fit(x, y, { epochs: 30, validationSplit: 0.2, callbacks: [plateau] });
 * history.history.learning_rate.length; // 30 (one rate per epoch)
 */
import { Callback, type Logs } from "./callback";
import {
  checkCount,
  checkNumber,
  metricDirection,
  monitorValue,
  type MonitorMode,
} from "./monitor";
import { getLearningRate, setLearningRate } from "../optimizers/learningRate";
import { pyRepr } from "../format";
import { ValueError, describe } from "../../validation/errors";
import { trainingLog } from "./trainingLog";

/** Options of `ReduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  /** Log key to watch. Default `"val_loss"`. */
  monitor?: string;
  /** New rate = rate × factor (0 <= factor < 1). Default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  patience?: number;
  /** 0 silent, 1 prints each reduction. Default 0. */
  verbose?: number;
  /** `"min"`, `"max"` or `"auto"`. Default `"auto"`. */
  mode?: MonitorMode;
  /** Smallest change that counts as an improvement. Default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** Lower bound of the rate. Default 0. */
  minLr?: number;
}

/**
 * The callback made by `ReduceLROnPlateau` (see there).
 *
 * @example
 * new ReduceLROnPlateauCallback({ patience: 3 }).patience; // 3
 */
export class ReduceLROnPlateauCallback extends Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: number;
  readonly mode: "min" | "max";
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  /** Epochs since the last improvement (outside cooldown). */
  wait = 0;
  /** Cooldown epochs left. */
  cooldownCounter = 0;
  /** Best monitored value so far. */
  best: number;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    const where = "ReduceLROnPlateau";
    this.monitor = options.monitor ?? "val_loss";
    if (typeof this.monitor !== "string" || this.monitor === "") {
      throw new ValueError(
        `${where}: monitor must be a log key such as "val_loss"; got ${describe(this.monitor)}`,
      );
    }
    this.factor = checkNumber(where, "factor", options.factor ?? 0.1, 0);
    if (this.factor >= 1) {
      throw new ValueError(
        `${where}: factor must be < 1 (new rate = rate × factor); got ${this.factor}`,
      );
    }
    this.patience = checkCount(where, "patience", options.patience ?? 10);
    this.verbose = checkCount(where, "verbose", options.verbose ?? 0);
    const mode = options.mode ?? "auto";
    if (mode !== "auto" && mode !== "min" && mode !== "max") {
      throw new ValueError(`${where}: mode must be "auto", "min" or "max"; got ${describe(mode)}`);
    }
    this.mode =
      mode !== "auto"
        ? mode
        : (metricDirection(this.monitor) ?? (this.monitor.includes("acc") ? "max" : "min"));
    this.minDelta = checkNumber(where, "minDelta", options.minDelta ?? 1e-4, 0);
    this.cooldown = checkCount(where, "cooldown", options.cooldown ?? 0);
    this.minLr = checkNumber(where, "minLr", options.minLr ?? 0, 0);
    this.best = this.mode === "min" ? Infinity : -Infinity;
  }

  override onTrainBegin(): void {
    this.best = this.mode === "min" ? Infinity : -Infinity;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const optimizer = this.model?.optimizer;
    if (!optimizer) return;
    if (logs) logs.learning_rate = getLearningRate(optimizer);
    const current = monitorValue("Learning rate reduction", this.monitor, logs);
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const improved =
      this.mode === "min"
        ? current < this.best - this.minDelta
        : current > this.best + this.minDelta;
    if (improved) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const old = getLearningRate(optimizer);
    if (old > this.minLr) {
      const lr = Math.max(old * this.factor, this.minLr);
      setLearningRate(optimizer, lr);
      if (this.verbose > 0) {
        trainingLog(
          `Epoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${pyRepr(lr)}.`,
        );
      }
      this.cooldownCounter = this.cooldown;
      this.wait = 0;
    }
  }
}

/**
 * Reduces the learning rate when `monitor` plateaus (Keras `ReduceLROnPlateau`; see the module
 * doc).
 *
 * @example
 * ReduceLROnPlateau({ factor: 0.5 }).factor; // 0.5
 */
export function ReduceLROnPlateau(
  options: ReduceLROnPlateauOptions = {},
): ReduceLROnPlateauCallback {
  return new ReduceLROnPlateauCallback(options);
}
