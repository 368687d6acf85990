/**
 * Shared pieces of the callback tests: a dummy model (weights = one scalar that tests set to the
 * epoch number, as Keras's own callback tests do), console capture, and a loop that drives the
 * hooks with given epoch logs.
 */
import * as tf from "@tensorflow/tfjs";
import type {
  Callback,
  CallbackModel,
  Logs,
  TrainingParams,
} from "../../../src/keras/callbacks/callback";

/** A model whose only weight is a scalar; `save` / `saveWeights` record the paths. */
export class DummyModel implements CallbackModel {
  stopTraining = false;
  weight: tf.Tensor = tf.scalar(-1);
  saved: string[] = [];
  readonly optimizer: tf.Optimizer;

  constructor(optimizer: tf.Optimizer = tf.train.sgd(0.1)) {
    this.optimizer = optimizer;
  }

  getWeights(): tf.Tensor[] {
    return [this.weight.clone()];
  }

  setWeights(weights: tf.Tensor[]): void {
    this.weight.dispose();
    this.weight = weights[0].clone();
  }

  setWeightTo(value: number): void {
    this.weight.dispose();
    this.weight = tf.scalar(value);
  }

  weightValue(): number {
    return this.weight.dataSync()[0];
  }

  async save(path: string): Promise<void> {
    this.saved.push(`model:${path}`);
  }

  async saveWeights(path: string): Promise<void> {
    this.saved.push(`weights:${path}`);
  }

  dispose(): void {
    this.weight.dispose();
  }
}

/** Runs `fn` with console.log / console.warn captured; returns the lines printed. */
export async function captureConsole(
  fn: () => unknown,
): Promise<{ log: string[]; warn: string[] }> {
  const log: string[] = [];
  const warn: string[] = [];
  const saved = { log: console.log, warn: console.warn };
  console.log = (...args: unknown[]) => void log.push(args.map(String).join(" "));
  console.warn = (...args: unknown[]) => void warn.push(args.map(String).join(" "));
  try {
    await fn();
  } finally {
    console.log = saved.log;
    console.warn = saved.warn;
  }
  return { log, warn };
}

/** Training parameters for tests. */
export function params(epochs: number, steps = 4): TrainingParams {
  return {
    epochs,
    steps,
    verbose: 0,
    batchSize: 32,
    samples: steps * 32,
    doValidation: true,
    metrics: ["loss", "val_loss"],
  };
}

/**
 * Drives `cb` through epochs as `fit` does: before each epoch end the model's weight is set to
 * the epoch number; stops when `model.stopTraining` is set. Returns the epochs run.
 */
export async function drive(cb: Callback, model: DummyModel, epochLogs: Logs[]): Promise<number> {
  cb.setModel(model);
  cb.setParams(params(epochLogs.length));
  model.stopTraining = false;
  await cb.onTrainBegin({});
  let run = 0;
  for (let epoch = 0; epoch < epochLogs.length; epoch++) {
    await cb.onEpochBegin(epoch, {});
    model.setWeightTo(epoch);
    run += 1;
    await cb.onEpochEnd(epoch, { ...epochLogs[epoch] });
    if (model.stopTraining) break;
  }
  await cb.onTrainEnd({});
  return run;
}
