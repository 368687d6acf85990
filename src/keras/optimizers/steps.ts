/**
 * The number of update steps an optimizer has applied (Keras's `optimizer.iterations`).
 *
 * Behaviour: tfjs's Adam, Momentum and RMSprop do not count their steps (Adam keeps only
 * `beta1^t`), so the training step calls `countStep` after each update; `.keras` files store the
 * count and `setSteps` restores it.
 *
 * @example
 * countStep(opt);
 * stepsOf(opt); // 1
 */
import type * as tf from "@tensorflow/tfjs";

const STEPS = new WeakMap<tf.Optimizer, number>();

/** Records one applied update. */
export function countStep(opt: tf.Optimizer): void {
  STEPS.set(opt, (STEPS.get(opt) ?? 0) + 1);
}

/** Updates applied so far (0 for a fresh optimizer). */
export function stepsOf(opt: tf.Optimizer): number {
  return STEPS.get(opt) ?? 0;
}

/** Sets the count (when a saved optimizer state is restored). */
export function setSteps(opt: tf.Optimizer, steps: number): void {
  STEPS.set(opt, steps);
}
