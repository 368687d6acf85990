/**
 * Losses by their Keras names, with Keras formulas (epsilon 1e-7 clipping):
 * `mse` / `mean_squared_error`, `mae` / `mean_absolute_error`, `huber` (delta 1),
 * `binary_crossentropy`, `categorical_crossentropy`, `sparse_categorical_crossentropy`,
 * `kl_divergence` / `kld`. tfjs camelCase spellings (`meanSquaredError`) work too.
 *
 * Behaviour: each loss returns one value per sample (averaged over the last axis where Keras
 * does); the model averages them over the batch.
 *
 * @example
 * resolveLoss("mse", "compile").name; // "mse"
 * resolveLoss("mse", "compile").fn(tf.tensor2d([[1]]), tf.tensor2d([[3]])).dataSync()[0]; // 4
 */
import * as tf from "@tensorflow/tfjs";
import { lookupName } from "../validation/names";

const EPS = 1e-7;

/** A per-sample loss function `(yTrue, yPred) → [batch]`. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** A resolved loss: its canonical Keras name and its function. */
export interface Loss {
  name: string;
  fn: LossFn;
}

const mse: LossFn = (y, p) => tf.mean(tf.square(tf.sub(y, p)), -1);
const mae: LossFn = (y, p) => tf.mean(tf.abs(tf.sub(y, p)), -1);
const huber: LossFn = (y, p) => {
  const err = tf.abs(tf.sub(y, p));
  const quad = tf.minimum(err, 1);
  return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad)), -1);
};
const binaryCrossentropy: LossFn = (y, p) => {
  const q = tf.clipByValue(p, EPS, 1 - EPS);
  const ll = tf.add(tf.mul(y, tf.log(q)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q))));
  return tf.neg(tf.mean(ll, -1));
};
const categoricalCrossentropy: LossFn = (y, p) => {
  const q = tf.clipByValue(tf.div(p, tf.sum(p, -1, true)), EPS, 1 - EPS);
  return tf.neg(tf.sum(tf.mul(y, tf.log(q)), -1));
};
const sparseCategoricalCrossentropy: LossFn = (y, p) => {
  const classes = p.shape[p.shape.length - 1];
  const labels = tf.cast(tf.reshape(y, [-1]), "int32");
  const oneHot = tf.reshape(tf.oneHot(labels, classes), p.shape);
  return categoricalCrossentropy(tf.cast(oneHot, "float32"), p);
};
const klDivergence: LossFn = (y, p) => {
  const t = tf.clipByValue(y, EPS, 1);
  const q = tf.clipByValue(p, EPS, 1);
  return tf.sum(tf.mul(t, tf.log(tf.div(t, q))), -1);
};

const CANONICAL: Record<string, LossFn> = {
  mse,
  mae,
  huber,
  binary_crossentropy: binaryCrossentropy,
  categorical_crossentropy: categoricalCrossentropy,
  sparse_categorical_crossentropy: sparseCategoricalCrossentropy,
  kl_divergence: klDivergence,
};

const ALIASES: Record<string, string> = {
  mse: "mse",
  mean_squared_error: "mse",
  mae: "mae",
  mean_absolute_error: "mae",
  huber: "huber",
  huber_loss: "huber",
  binary_crossentropy: "binary_crossentropy",
  categorical_crossentropy: "categorical_crossentropy",
  sparse_categorical_crossentropy: "sparse_categorical_crossentropy",
  kl_divergence: "kl_divergence",
  kld: "kl_divergence",
  kullback_leibler_divergence: "kl_divergence",
};

/** The loss names `compile` accepts (canonical ones first). */
export const LOSS_NAMES: readonly string[] = Object.keys(CANONICAL).concat("kld");

/** A loss from a Keras or tfjs name (see the module doc). */
export function resolveLoss(name: unknown, where: string): Loss {
  const canonical = lookupName(where, "loss", name, ALIASES, LOSS_NAMES);
  return { name: canonical, fn: CANONICAL[canonical] };
}
