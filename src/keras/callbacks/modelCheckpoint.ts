/**
 * `ModelCheckpoint(filepath, options)`: save the model (or its weights) during training
 * (Keras `keras.callbacks.ModelCheckpoint`).
 *
 * Behaviour, as Keras: the path is formatted like Python's `filepath.format(epoch=epoch + 1,
 * **logs)`, so `"ckpt/{epoch:02d}-{val_loss:.2f}"` gives `ckpt/03-0.49` (an unknown key is a
 * ValueError listing the available ones). At each epoch end (or every `saveFreq` batches) it
 * saves with `model.save(path)` or, with `saveWeightsOnly`, `model.saveWeights(path)`; the
 * model writes atomically and the parent folders are created first. With `saveBestOnly`, it
 * saves only when `monitor` improves on the best so far (or on `initialValueThreshold`).
 * `verbose: 1` prints, as Keras: `Epoch 3: val_loss improved from 0.51230 to 0.48810, saving
 * model to ckpt/best`, `Epoch 4: val_loss did not improve from 0.48810`, or
 * `Epoch 1: saving model to ckpt/01`. The path's suffix picks the format as in `model.save`:
 * `.keras` (Keras 3 file), `.weights.h5` with `saveWeightsOnly`, or a folder.
 *
 * @example
 * const ckpt = ModelCheckpoint("models/best.keras", { monitor: "val_loss", saveBestOnly: true });
 * await model.fit(x, y, { epochs: 20, validationSplit: 0.2, callbacks: [ckpt] });
 * fs.existsSync("models/best.keras"); // true
 */
import fs from "fs";
import path from "path";
import { Callback, type Logs } from "./callback";
import { checkCount, isImprovement, resolveMode, type MonitorMode } from "./monitor";
import { pythonFormat, formatValue, type FormatValue } from "../format";
import { ValueError, describe } from "../../validation/errors";
import { trainingLog } from "./trainingLog";
import { stripFileScheme } from "../saving/files";

/** Options of `ModelCheckpoint`. */
export interface ModelCheckpointOptions {
  /** Log key compared with `saveBestOnly`. Default `"val_loss"`. */
  monitor?: string;
  /** 0 silent, 1 prints each save decision. Default 0. */
  verbose?: number;
  /** Save only when `monitor` improves. Default false. */
  saveBestOnly?: boolean;
  /** Save only the weights (`model.saveWeights`). Default false. */
  saveWeightsOnly?: boolean;
  /** `"min"`, `"max"` or `"auto"` (from the metric name). Default `"auto"`. */
  mode?: MonitorMode;
  /** `"epoch"`, or a number of batches between saves. Default `"epoch"`. */
  saveFreq?: "epoch" | number;
  /** Starting "best" value for `saveBestOnly`. Default none (the first value saves). */
  initialValueThreshold?: number;
}

/**
 * The callback made by `ModelCheckpoint` (see there).
 *
 * @example
 * new ModelCheckpointCallback("best", { saveBestOnly: true }).best; // Infinity
 */
export class ModelCheckpointCallback extends Callback {
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: number;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly mode: "min" | "max";
  readonly saveFreq: "epoch" | number;
  /** Best monitored value so far (±Infinity before the first). */
  best: number;
  private epoch = 0;
  private batchesSinceSave = 0;

  constructor(filepath: string, options: ModelCheckpointOptions = {}) {
    super();
    const where = "ModelCheckpoint";
    if (typeof filepath !== "string" || filepath.trim() === "") {
      throw new ValueError(
        `${where}: filepath must be a path such as "models/best" or "ckpt/{epoch:02d}"; got ${describe(filepath)}`,
      );
    }
    this.filepath = filepath;
    this.monitor = options.monitor ?? "val_loss";
    this.verbose = checkCount(where, "verbose", options.verbose ?? 0);
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.saveWeightsOnly = options.saveWeightsOnly ?? false;
    this.mode = resolveMode(where, this.monitor, options.mode ?? "auto");
    const freq = options.saveFreq ?? "epoch";
    if (freq !== "epoch" && !(Number.isInteger(freq) && (freq as number) > 0)) {
      throw new ValueError(
        `${where}: saveFreq must be "epoch" or a positive integer number of batches; got ${describe(freq)}`,
      );
    }
    this.saveFreq = freq;
    const init = options.initialValueThreshold;
    if (init !== undefined && init !== null && typeof init !== "number") {
      throw new ValueError(
        `${where}: initialValueThreshold must be a number; got ${describe(init)}`,
      );
    }
    this.best = typeof init === "number" ? init : this.mode === "min" ? Infinity : -Infinity;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override async onBatchEnd(batch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === "epoch") return;
    this.batchesSinceSave += 1;
    if (this.batchesSinceSave >= this.saveFreq) {
      this.batchesSinceSave = 0;
      await this.saveModel(this.epoch, logs ?? {}, batch);
    }
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === "epoch") await this.saveModel(epoch, logs ?? {});
  }

  /** The path for an epoch (0-based), its logs and a batch (0-based), formatted as Keras does. */
  filePathFor(epoch: number, logs: Logs, batch?: number): string {
    const values: Record<string, FormatValue> = { epoch: BigInt(epoch + 1) };
    if (batch !== undefined) values.batch = BigInt(batch + 1);
    for (const [k, v] of Object.entries(logs)) {
      if (k === "epoch") continue;
      values[k] = (k === "batch" || k === "size") && Number.isInteger(v) ? BigInt(v) : v;
    }
    return stripFileScheme(pythonFormat(this.filepath, values, "ModelCheckpoint", "filepath"));
  }

  private shouldSave(epoch: number, logs: Logs, filepath: string): boolean {
    if (!this.saveBestOnly) {
      if (this.verbose > 0) trainingLog(`Epoch ${epoch + 1}: saving model to ${filepath}`);
      return true;
    }
    const current = logs[this.monitor];
    if (typeof current !== "number") {
      console.warn(`UserWarning: Can save best model only with ${this.monitor} available.`);
      return true;
    }
    const best = formatValue(this.best, ".5f");
    if (isImprovement(this.mode, 0, current, this.best)) {
      if (this.verbose > 0) {
        trainingLog(
          `Epoch ${epoch + 1}: ${this.monitor} improved from ${best} to ${formatValue(current, ".5f")}, ` +
            `saving model to ${filepath}`,
        );
      }
      this.best = current;
      return true;
    }
    if (this.verbose > 0)
      trainingLog(`Epoch ${epoch + 1}: ${this.monitor} did not improve from ${best}`);
    return false;
  }

  private async saveModel(epoch: number, logs: Logs, batch?: number): Promise<void> {
    const filepath = this.filePathFor(epoch, logs, batch);
    if (!this.shouldSave(epoch, logs, filepath)) return;
    const parent = path.dirname(path.resolve(filepath));
    try {
      fs.mkdirSync(parent, { recursive: true });
    } catch (e) {
      throw new ValueError(
        `ModelCheckpoint: cannot create the folder ${path.dirname(filepath)} for ${filepath} ` +
          `(${(e as Error).message.split("\n")[0]}); choose a writable filepath`,
      );
    }
    const model = this.model;
    if (!model)
      throw new ValueError("ModelCheckpoint: no model to save (use it in model.fit callbacks)");
    if (this.saveWeightsOnly) await model.saveWeights(filepath);
    else await model.save(filepath);
  }
}

/**
 * Saves the model during training (Keras `ModelCheckpoint`; see the module doc).
 *
 * @example
 * ModelCheckpoint("ckpt/{epoch:02d}").filePathFor(2, { loss: 0.5 }); // "ckpt/03"
 */
export function ModelCheckpoint(
  filepath: string,
  options: ModelCheckpointOptions = {},
): ModelCheckpointCallback {
  return new ModelCheckpointCallback(filepath, options);
}
