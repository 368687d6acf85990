/**
 * Reading a feature table for a transformer and giving the result back in the same kind:
 * a DataFrame stays a DataFrame (same columns and index), a Series stays a Series, a tensor
 * stays a tensor of the same shape, anything else becomes number[][].
 *
 * NaN is allowed (scikit-learn's scalers ignore it in fit and keep it in transform); ±Infinity
 * and non-numeric columns are refused with the column's name.
 *
 * @example
 * const t = readTable("MinMaxScaler.fit", [[1, 2], [3, 4]]);
 * like(t, [[0, 0], [1, 1]].flat()); // [[0, 0], [1, 1]]
 */
import * as tf from "@tensorflow/tfjs";
import { DataFrame, Series } from "../data/danfo";
import { isDanfoDataFrame, isDanfoSeries } from "../validation/danfoBase";
import { toMatrix, type Matrix } from "../validation/coerce";
import { ValueError, describe } from "../validation/errors";

/** A table read for a transformer, remembering what it came from. */
export interface Table extends Matrix {
  source: unknown;
}

/** What the transformers accept. */
export type TableLike = DataFrame | Series | tf.Tensor | ArrayLike<ArrayLike<number>>;

function checkNumericColumns(where: string, df: DataFrame): void {
  const rows = df.values as unknown[][];
  df.dtypes.forEach((dt, j) => {
    if (dt !== "string") return;
    const example = rows.find((r) => typeof r[j] === "string")?.[j];
    throw new ValueError(
      `${where}: column ${JSON.stringify(String(df.columns[j]))} is not numeric ` +
        `(values such as ${describe(example)}); convert it (e.g. getDummies or LabelEncoder) or drop it`,
    );
  });
}

function checkNoInfinity(where: string, m: Matrix): void {
  const counts = new Array<number>(m.cols).fill(0);
  let first = -1;
  for (let i = 0; i < m.data.length; i++) {
    const v = m.data[i];
    if (v === Infinity || v === -Infinity) {
      counts[i % m.cols]++;
      if (first < 0) first = i;
    }
  }
  if (first < 0) return;
  const col = first % m.cols;
  const name = m.columns ? JSON.stringify(m.columns[col]) : String(col);
  const n = counts[col];
  throw new ValueError(
    `${where}: X contains ${n} infinite value${n === 1 ? "" : "s"} in column ${name} ` +
      `(first at row ${Math.floor(first / m.cols)}: ${m.data[first]}); replace or drop them first`,
  );
}

/** Reads X as a float64 matrix; refuses strings, ±Infinity and empty tables. */
export function readTable(where: string, X: unknown): Table {
  if (isDanfoDataFrame(X)) checkNumericColumns(where, X);
  const m = toMatrix(X, where, "X");
  if (m.rows === 0)
    throw new ValueError(`${where}: X is empty (0 samples); at least 1 sample is required`);
  checkNoInfinity(where, m);
  return { ...m, source: X };
}

/** `data` (row-major, same shape as `t`) in the kind of value `t` came from. */
export function like(t: Table, data: Float64Array): unknown {
  const rows: number[][] = [];
  for (let i = 0; i < t.rows; i++)
    rows.push(Array.from(data.subarray(i * t.cols, (i + 1) * t.cols)));
  const src = t.source;
  if (isDanfoDataFrame(src))
    return new DataFrame(rows, { columns: t.columns, index: src.index as Array<string | number> });
  if (isDanfoSeries(src))
    return new Series(Array.from(data), {
      columns: src.columns as string[],
      index: src.index as Array<string | number>,
    });
  if (src instanceof tf.Tensor) return tf.tensor(Float32Array.from(data), src.shape, "float32");
  return rows;
}
