/**
 * Reading and changing the learning rate of a tfjs optimizer during training (what Keras's
 * `optimizer.learning_rate = x` does), used by `ReduceLROnPlateau`.
 *
 * Behaviour (tfjs 4.22): SGD and Momentum multiply by a cached scalar `-learningRate`, refreshed
 * only by their `setLearningRate` method, which is called here; Adam, RMSProp, Adagrad, Adamax
 * and Adadelta read their `learningRate` field at every step, which is assigned. The next
 * optimizer step uses the new rate; optimizer state (moments, accumulators) is kept.
 *
 * @example
 * const opt = keras.optimizers.Adam({ learningRate: 0.01 });
 * setLearningRate(opt, 0.001);
 * getLearningRate(opt); // 0.001
 */
import type * as tf from "@tensorflow/tfjs";
import { ArgumentTypeError, ValueError, describe } from "../../validation/errors";

interface WithRate {
  learningRate?: unknown;
  setLearningRate?: (lr: number) => void;
  getClassName?: () => string;
}

function optimizerName(optimizer: unknown): string {
  const o = optimizer as WithRate | null;
  return typeof o?.getClassName === "function" ? o.getClassName() : describe(optimizer);
}

/**
 * The optimizer's current learning rate. Throws for an optimizer without a numeric rate.
 *
 * @example
 * getLearningRate(keras.optimizers.SGD()); // 0.01
 */
export function getLearningRate(optimizer: tf.Optimizer): number {
  const lr = (optimizer as unknown as WithRate | null)?.learningRate;
  if (typeof lr !== "number") {
    throw new ArgumentTypeError(
      `getLearningRate: the optimizer (${optimizerName(optimizer)}) has no numeric learningRate; ` +
        `use keras.optimizers.SGD, RMSprop, Adam or Adagrad`,
    );
  }
  return lr;
}

/**
 * Sets the learning rate used from the optimizer's next step on (`lr` finite and >= 0).
 *
 * @example
 * const sgd = keras.optimizers.SGD({ momentum: 0.9 });
 * setLearningRate(sgd, 0.001);
 * getLearningRate(sgd); // 0.001
 */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
    throw new ValueError(`setLearningRate: lr must be a finite number >= 0; got ${describe(lr)}`);
  }
  getLearningRate(optimizer);
  const o = optimizer as unknown as WithRate;
  if (typeof o.setLearningRate === "function") o.setLearningRate(lr);
  else o.learningRate = lr;
}
