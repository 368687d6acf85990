/**
 * `toCategorical`: one-hot encoding of integer class labels, like Keras' `to_categorical`.
 */
import * as tf from "@tensorflow/tfjs";
import { toVector, type VectorLike } from "../validation/coerce";
import { ValueError, describe } from "../validation/errors";
import { asExportedDanfo } from "../validation/danfoBase";

const WHERE = "toCategorical";

/**
 * One row per label with a 1 in the label's column: a float32 tf.Tensor2D of shape
 * `[labels.length, numClasses]`, as Keras' `to_categorical(y, num_classes)`.
 *
 * Labels are integers from 0 to numClasses - 1 (number[], typed array, Series, or a tensor of
 * shape `[n]` or `[n, 1]`). `numClasses` defaults to the largest label + 1. A negative,
 * fractional or missing label, or one ≥ numClasses, is an error naming its position
 * (`labels[2] is 10, outside [0, 9] for numClasses = 10`).
 *
 * @example
 * toCategorical([0, 2, 1]).arraySync(); // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 */
export function toCategorical(labels: VectorLike, numClasses?: number): tf.Tensor2D {
  const y = toVector(asExportedDanfo(labels), WHERE, "labels"); // df["col"] is a base Series
  if (y.length === 0) throw new ValueError(`${WHERE}: labels is empty; at least 1 label is required`);
  const missing = y.filter((v) => Number.isNaN(v)).length;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0) {
      throw new ValueError(
        `${WHERE}: labels must be integers ≥ 0 (class numbers); labels[${i}] is ${y[i]}` +
          (Number.isNaN(y[i])
            ? ` (${missing} missing label${missing === 1 ? "" : "s"} in all; drop those rows first)`
            : "; encode classes first, e.g. with LabelEncoder"),
      );
    }
  }
  let max = 0;
  for (const v of y) if (v > max) max = v;
  const k = numClasses ?? max + 1;
  if (typeof k !== "number" || !Number.isInteger(k) || k <= 0) {
    throw new ValueError(`${WHERE}: numClasses must be a positive integer; got ${describe(k)}`);
  }
  if (max >= k) {
    const i = y.findIndex((v) => v >= k);
    throw new ValueError(
      `${WHERE}: labels[${i}] is ${y[i]}, outside [0, ${k - 1}] for numClasses = ${k}; ` +
        `raise numClasses to at least ${max + 1} or leave it out`,
    );
  }
  const out = new Float32Array(y.length * k);
  for (let i = 0; i < y.length; i++) out[i * k + y[i]] = 1;
  return tf.tensor2d(out, [y.length, k]);
}
