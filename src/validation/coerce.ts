/**
 * Turning what a student passes (DataFrame, Series, number[][], number[], typed arrays,
 * tf.Tensor) into plain numbers, with the error messages the design asks for.
 *
 * `toMatrix` gives a row-major Float64Array with its row/column counts and the column names
 * when the input had them; `toVector` gives a Float64Array for 1-D targets (a Series, a
 * one-column DataFrame or a `[n, 1]` tensor count as 1-D). Neither changes its input.
 *
 * @example
 * toMatrix([[1, 2], [3, 4]], "MinMaxScaler.fit", "X"); // { rows: 2, cols: 2, data: Float64Array [1,2,3,4] }
 * toVector(series, "r2Score", "yTrue"); // Float64Array
 */
import * as tf from "@tensorflow/tfjs";
import { DataFrame, Series } from "../data/danfo";
import { ArgumentTypeError, ValueError, describe } from "./errors";
import { isDanfoDataFrame, isDanfoSeries } from "./danfoBase";

/** A dense row-major matrix of float64 values. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
  /** Column names when the input was a DataFrame. */
  columns?: string[];
}

/** What the numeric helpers accept as a 2-D table. */
export type MatrixLike = DataFrame | tf.Tensor | ArrayLike<ArrayLike<number>>;
/** What the numeric helpers accept as a 1-D column. */
export type VectorLike = Series | DataFrame | tf.Tensor | ArrayLike<number>;

function notNumeric(where: string, arg: string, column: string, example: unknown): ValueError {
  return new ValueError(
    `${where}: column ${column} of ${arg} is not numeric (values such as ${describe(example)}); ` +
      `convert or drop it first`,
  );
}

function fromRows(
  rows: ArrayLike<unknown>[],
  where: string,
  arg: string,
  columns?: string[],
): Matrix {
  const n = rows.length;
  const cols = n === 0 ? (columns?.length ?? 0) : rows[0].length;
  const data = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row === null || row === undefined || typeof row !== "object" || row.length !== cols) {
      throw new ValueError(
        `${where}: ${arg} must be rectangular; row 0 has ${cols} values but row ${i} has ` +
          `${row && typeof row === "object" ? row.length : describe(row)}`,
      );
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v === "number") data[i * cols + j] = v;
      else if (typeof v === "boolean") data[i * cols + j] = v ? 1 : 0;
      else if (v === null || v === undefined) data[i * cols + j] = NaN;
      else throw notNumeric(where, arg, columns ? JSON.stringify(columns[j]) : String(j), v);
    }
  }
  return { data, rows: n, cols, ...(columns ? { columns } : {}) };
}

/**
 * A 2-D numeric matrix from a DataFrame, a tensor (rank 1 becomes one column), a Series or
 * an array of rows. Missing values (null / undefined) become NaN; use `checkFinite` to refuse
 * them.
 *
 * @param value The table.
 * @param where The calling function, e.g. `"MinMaxScaler.fit"`.
 * @param arg The argument's name, e.g. `"X"`.
 */
export function toMatrix(value: unknown, where: string, arg: string): Matrix {
  if (isDanfoDataFrame(value)) {
    const columns = value.columns.map(String);
    const dtypes = value.dtypes;
    const rows = value.values as unknown[][];
    dtypes.forEach((dt, j) => {
      if (dt === "string") {
        const example = rows.find((r) => typeof r[j] === "string")?.[j];
        throw notNumeric(where, arg, JSON.stringify(columns[j]), example);
      }
    });
    return fromRows(rows, where, arg, columns);
  }
  if (isDanfoSeries(value)) {
    const v = toVector(value, where, arg);
    return { data: v, rows: v.length, cols: 1, columns: [String(value.columns?.[0] ?? "0")] };
  }
  if (value instanceof tf.Tensor) {
    if (value.rank === 1)
      return { data: Float64Array.from(value.dataSync()), rows: value.shape[0], cols: 1 };
    if (value.rank !== 2) {
      throw new ValueError(
        `${where}: ${arg} must be 2-D [samples, features]; got a tensor of shape [${value.shape.join(", ")}]`,
      );
    }
    return {
      data: Float64Array.from(value.dataSync()),
      rows: value.shape[0],
      cols: value.shape[1],
    };
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = value as ArrayLike<unknown>;
    if (arr.length > 0 && (typeof arr[0] !== "object" || arr[0] === null)) {
      throw new ValueError(
        `${where}: ${arg} must be 2-D [samples, features]; got a 1-D array of length ${arr.length} ` +
          `(wrap each value in its own row, e.g. x.map((v) => [v]))`,
      );
    }
    return fromRows(Array.from(arr) as ArrayLike<unknown>[], where, arg);
  }
  throw new ArgumentTypeError(
    `${where}: ${arg} must be a DataFrame, a tf.Tensor or an array of rows; got ${describe(value)}`,
  );
}

/**
 * A 1-D numeric vector from a Series, a one-column DataFrame, a tensor of shape `[n]` or
 * `[n, 1]`, a typed array or a number[]. Booleans become 0/1, null/undefined become NaN.
 */
export function toVector(value: unknown, where: string, arg: string): Float64Array {
  if (isDanfoSeries(value)) return toVector(value.values as unknown[], where, arg);
  if (isDanfoDataFrame(value)) {
    if (value.shape[1] !== 1) {
      throw new ValueError(
        `${where}: ${arg} must be 1-D; got a DataFrame with ${value.shape[1]} columns`,
      );
    }
    return toMatrix(value, where, arg).data;
  }
  if (value instanceof tf.Tensor) {
    if (value.rank === 1 || (value.rank === 2 && value.shape[1] === 1))
      return Float64Array.from(value.dataSync());
    throw new ValueError(
      `${where}: ${arg} must be 1-D; got a tensor of shape [${value.shape.join(", ")}]`,
    );
  }
  if (value instanceof Float64Array) return value;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = value as ArrayLike<unknown>;
    const out = new Float64Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      let v = arr[i];
      if (Array.isArray(v) && v.length === 1) v = v[0];
      if (typeof v === "number") out[i] = v;
      else if (typeof v === "boolean") out[i] = v ? 1 : 0;
      else if (v === null || v === undefined) out[i] = NaN;
      else if (Array.isArray(v))
        throw new ValueError(
          `${where}: ${arg} must be 1-D; element ${i} is an array of length ${v.length}`,
        );
      else throw new ValueError(`${where}: ${arg} must be numeric; element ${i} is ${describe(v)}`);
    }
    return out;
  }
  throw new ArgumentTypeError(
    `${where}: ${arg} must be an array, a Series or a tf.Tensor; got ${describe(value)}`,
  );
}
