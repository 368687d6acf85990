/**
 * Row access for the kinds `trainTestSplit` splits: danfo DataFrame / Series (index labels and
 * dtypes kept), tf.Tensor of any rank ≥ 1 (rows along the first axis, dtype kept), plain arrays
 * (nested arrays copied) and typed arrays.
 *
 * @example
 * takeRows([[1, 2], [3, 4], [5, 6]], [2, 0]); // [[5, 6], [1, 2]]
 */
import * as tf from "@tensorflow/tfjs";
import { DataFrame, Series } from "./danfo";
import { isDanfoDataFrame, isDanfoSeries } from "../validation/danfoBase";
import { ArgumentTypeError, describe } from "../validation/errors";

/** What can be split into rows. */
export type RowData =
  | DataFrame
  | Series
  | tf.Tensor
  | readonly unknown[]
  | Float32Array
  | Float64Array
  | Int32Array
  | Uint8Array;

/** The number of rows of `value`, or a TypeError naming the argument. */
export function numRows(value: unknown, where: string, arg: string): number {
  if (isDanfoDataFrame(value)) return value.shape[0];
  if (isDanfoSeries(value)) return value.values.length;
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new ArgumentTypeError(`${where}: ${arg} is a disposed tensor`);
    if (value.rank === 0)
      throw new ArgumentTypeError(`${where}: ${arg} is a scalar tensor; it has no rows to split`);
    return value.shape[0];
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value))
    return (value as unknown as ArrayLike<unknown>).length;
  throw new ArgumentTypeError(
    `${where}: ${arg} must be a DataFrame, a Series, a tf.Tensor or an array; got ${describe(value)}`,
  );
}

function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return (v as Float64Array).slice();
  return v;
}

/** The rows `idx` of `value`, as the same kind of value. */
export function takeRows<T>(value: T, idx: readonly number[]): T {
  if (isDanfoDataFrame(value)) {
    const df = value as DataFrame;
    const all = df.values as unknown[][];
    const index = df.index as (string | number)[];
    return new DataFrame(
      idx.map((i) => all[i]),
      { columns: df.columns as string[], index: idx.map((i) => index[i]), dtypes: df.dtypes },
    ) as T;
  }
  if (isDanfoSeries(value)) {
    const s = value as Series;
    const all = s.values as unknown[];
    const index = s.index as (string | number)[];
    return new Series(
      idx.map((i) => all[i]),
      { columns: s.columns as string[], index: idx.map((i) => index[i]), dtypes: [s.dtype] },
    ) as T;
  }
  if (value instanceof tf.Tensor) {
    return tf.tidy(() => tf.gather(value, tf.tensor1d(idx as number[], "int32"), 0)) as T;
  }
  if (Array.isArray(value)) return idx.map((i) => copy(value[i])) as T;
  if (ArrayBuffer.isView(value)) {
    const arr = value as unknown as Float64Array;
    const Ctor = arr.constructor as new (values: number[]) => Float64Array;
    return new Ctor(idx.map((i) => arr[i])) as T;
  }
  throw new ArgumentTypeError(`takeRows: cannot take rows of ${describe(value)}`);
}
