/**
 * `keras.losses`: the loss names `compile` accepts, and `get(name)` giving the per-sample
 * loss function `(yTrue, yPred) → tf.Tensor`.
 *
 * @example
 * keras.losses.NAMES.includes("huber"); // true
 */
import { LOSS_NAMES, resolveLoss, type LossFn } from "./losses";

/** Valid loss names. */
export const NAMES: readonly string[] = LOSS_NAMES;

/** The per-sample loss function of a Keras loss name. */
export function get(name: string): LossFn {
  return resolveLoss(name, "losses.get").fn;
}
