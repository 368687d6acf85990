/**
 * `temporalize`: the course's sliding windows for recurrent networks.
 */
import * as tf from "@tensorflow/tfjs";
import { toMatrix, type MatrixLike, type VectorLike } from "../validation/coerce";
import {
  checkFinite,
  checkNotEmpty,
  checkPositiveInteger,
  checkSameLength,
} from "../validation/checks";
import { ValueError } from "../validation/errors";
import { asExportedDanfo, isDanfoSeries } from "../validation/danfoBase";

const WHERE = "temporalize";

/** `[x, y]` that can also be read as `.x` and `.y`. */
export type Temporalized = [tf.Tensor3D, tf.Tensor1D | tf.Tensor2D] & {
  x: tf.Tensor3D;
  y: tf.Tensor1D | tf.Tensor2D;
};

function asMatrix(input: unknown, arg: string) {
  const value = asExportedDanfo(input); // df.loc(…) / df["col"] give danfo's base classes
  // A 1-D input is one feature (a column), as x[[i], :] of a one-column array.
  if (isDanfoSeries(value) || (value instanceof tf.Tensor && value.rank === 1))
    return toMatrix(value, WHERE, arg);
  if (Array.isArray(value) && value.length > 0 && !Array.isArray(value[0]))
    return toMatrix(value.map((v) => [v]), WHERE, arg);
  if (ArrayBuffer.isView(value))
    return toMatrix(Array.from(value as Float64Array, (v) => [v]), WHERE, arg);
  return toMatrix(value, WHERE, arg);
}

/**
 * Cuts a series into overlapping windows, exactly as the course's `temporalize(x, y, timesteps)`:
 * window i holds rows `x[i] … x[i + timesteps - 1]` and its target is `y[i + timesteps - 1]`
 * (the target at the window's last row), for i = 0 … n - timesteps.
 *
 * `x` is a DataFrame, number[][] (rows), a 2-D tensor, or one feature as number[] / Series /
 * 1-D tensor; `y` a Series, number[], 1-D tensor (→ y of shape [n - timesteps + 1]) or a 2-D
 * one (→ [n - timesteps + 1, k]). Returns float32 tensors that `fit` takes as they are:
 * `[x3d, y]` with x3d of shape `[n - timesteps + 1, timesteps, features]`; destructure it like
 * the Python tuple (`const [x2, y2] = temporalize(x, y, 3)`) or read `.x` / `.y`.
 *
 * @example
 * const [x2, y2] = temporalize([[1], [2], [3], [4]], [10, 20, 30, 40], 3);
 * x2.arraySync(); // [[[1], [2], [3]], [[2], [3], [4]]]
 * y2.arraySync(); // [30, 40]
 */
export function temporalize(
  x: MatrixLike | VectorLike,
  y: VectorLike | MatrixLike,
  timesteps: number,
): Temporalized {
  checkPositiveInteger(WHERE, "timesteps", timesteps);
  const mx = asMatrix(x, "x");
  const yIs1d =
    isDanfoSeries(y) ||
    (y instanceof tf.Tensor && y.rank === 1) ||
    (!(y instanceof tf.Tensor) && (Array.isArray(y) || ArrayBuffer.isView(y)) &&
      (y as ArrayLike<unknown>).length > 0 &&
      !Array.isArray((y as ArrayLike<unknown>)[0]));
  const my = asMatrix(y, "y");
  checkNotEmpty(WHERE, "x", mx.rows);
  checkSameLength(WHERE, "x", mx.rows, "y", my.rows);
  checkFinite(WHERE, "x", mx);
  checkFinite(WHERE, "y", my);
  if (timesteps > mx.rows) {
    throw new ValueError(
      `${WHERE}: timesteps (${timesteps}) is larger than the number of rows of x (${mx.rows}); ` +
        `use timesteps ≤ ${mx.rows}`,
    );
  }
  const n = mx.rows - timesteps + 1;
  const f = mx.cols;
  const windows = new Float32Array(n * timesteps * f);
  for (let i = 0; i < n; i++) windows.set(mx.data.subarray(i * f, (i + timesteps) * f), i * timesteps * f);
  const k = my.cols;
  const targets = Float32Array.from(my.data.subarray((timesteps - 1) * k));
  const x3 = tf.tensor3d(windows, [n, timesteps, f]);
  const y2 = yIs1d ? tf.tensor1d(targets) : tf.tensor2d(targets, [n, k]);
  return Object.assign([x3, y2] as [tf.Tensor3D, tf.Tensor1D | tf.Tensor2D], { x: x3, y: y2 });
}
