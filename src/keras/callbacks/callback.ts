/**
 * The base class of Keras-style training callbacks, and what a callback may use of the model.
 *
 * Behaviour: `fit` calls, in order, `onTrainBegin`, then per epoch `onEpochBegin`, per batch
 * `onBatchBegin` / `onBatchEnd`, `onEpochEnd` (with validation metrics in `logs`), and finally
 * `onTrainEnd`. Hooks may be async; `fit` awaits each one. Epochs and batches are 0-based, as in
 * Keras; messages shown to users say `Epoch {epoch + 1}`. Setting `model.stopTraining = true`
 * ends training after the current batch (from `onBatchEnd`; the epoch still ends with its
 * `onEpochEnd`) or after the current epoch (from `onEpochEnd`), as in Keras.
 *
 * @example
 * class PrintLoss extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs = {}) {
 *     console.log(`epoch ${epoch + 1}: loss ${logs.loss}`);
 *   }
 * }
 * await model.fit(x, y, { epochs: 2, callbacks: [new PrintLoss()] }); // prints 2 lines
 */
import type * as tf from "@tensorflow/tfjs";

/** Metric values of one batch or epoch by Keras name: `loss`, `accuracy`, `val_loss`… */
export type Logs = Record<string, number>;

/** What `fit` tells callbacks about the run (Keras `callback.params`). */
export interface TrainingParams {
  /** Total epochs requested (`epochs`). */
  epochs: number;
  /** Batches per epoch. */
  steps: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  verbose: 0 | 1 | 2;
  /** Rows per batch. */
  batchSize: number;
  /** Training rows (after the validation split). */
  samples: number;
  /** True when validation data is evaluated at each epoch end. */
  doValidation: boolean;
  /** The log keys of an epoch, e.g. `["loss", "accuracy", "val_loss", "val_accuracy"]`. */
  metrics: string[];
}

/** The part of a model that callbacks may use. The Keras facade's models implement it. */
export interface CallbackModel {
  /** Set to true to stop after the current batch (see the module doc). */
  stopTraining: boolean;
  /** Copies of the current weights, in `setWeights` order. The caller disposes them. */
  getWeights(): tf.Tensor[];
  /** Replaces every weight (values are copied). */
  setWeights(weights: tf.Tensor[]): void;
  /** The compiled optimizer (a tfjs optimizer). */
  readonly optimizer: tf.Optimizer;
  /** Saves the whole model at `path` atomically (a failed save keeps the previous file). */
  save(path: string): Promise<unknown>;
  /** Saves only the weights at `path` atomically. */
  saveWeights(path: string): Promise<unknown>;
}

/** A callback written as a plain object, as tfjs allows: `{ onEpochEnd(epoch, logs) {…} }`. */
export interface PlainCallback {
  onTrainBegin?(logs?: Logs): unknown;
  onTrainEnd?(logs?: Logs): unknown;
  onEpochBegin?(epoch: number, logs?: Logs): unknown;
  onEpochEnd?(epoch: number, logs?: Logs): unknown;
  onBatchBegin?(batch: number, logs?: Logs): unknown;
  onBatchEnd?(batch: number, logs?: Logs): unknown;
}

/** Base class of callbacks: every hook is a no-op until overridden. */
export abstract class Callback implements PlainCallback {
  /** The model being trained; set by `fit` before `onTrainBegin`. */
  model: CallbackModel | null = null;
  /** The run's parameters; set by `fit` before `onTrainBegin`. */
  params: TrainingParams | null = null;

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}
