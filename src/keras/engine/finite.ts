/**
 * Refusing NaN and ±Infinity in `fit`'s data before the first step.
 *
 * One NaN in a batch makes that batch's loss, then every weight, NaN; Keras trains on silently
 * (a History of `nan`). `fit` instead stops before training with a ValueError that names the
 * argument, the columns holding the bad values (DataFrame column names when x was one) and the
 * first bad row. The test runs on the device (`tf.isFinite`); values are only read back when
 * something is wrong.
 *
 * @example
 * checkFiniteData("fit", "x", tf.tensor2d([[1, NaN]]), df);
 * // ValueError: fit: x contains 1 NaN or infinite value, in column "age" (first at row 0: NaN);
 * // fit needs finite numbers (…): fill or drop those values first (e.g. df.dropNa() or df.fillNa(0))
 */
import * as tf from "@tensorflow/tfjs";
import { isDanfoDataFrame, isDanfoSeries } from "../../validation/danfoBase";
import { ValueError } from "../../validation/errors";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Column labels of the original value: DataFrame column names, a Series' name, else indices. */
function columnLabels(source: unknown, cols: number): string[] {
  const names = isDanfoDataFrame(source) || isDanfoSeries(source) ? source.columns : undefined;
  return Array.from({ length: cols }, (_, j) =>
    names && names.length === cols ? JSON.stringify(String(names[j])) : String(j),
  );
}

/** Where the bad values are, e.g. `in column "age"` or `in columns "a" (2), "b" (1)`. */
function whereBad(data: ArrayLike<number>, shape: number[], source: unknown): string {
  const rows = shape[0];
  const perRow = rows === 0 ? 0 : data.length / rows;
  let first = -1;
  for (let i = 0; i < data.length && first < 0; i++) if (!Number.isFinite(data[i])) first = i;
  const row = Math.floor(first / perRow);
  const value = data[first];
  if (shape.length > 2) {
    const pos: number[] = [];
    let rest = first % perRow;
    for (let d = shape.length - 1; d >= 1; d--) {
      pos.unshift(rest % shape[d]);
      rest = Math.floor(rest / shape[d]);
    }
    return ` (first in sample ${row} at [${pos.join(", ")}]: ${value})`;
  }
  const cols = shape.length === 2 ? shape[1] : 1;
  const counts = new Array<number>(cols).fill(0);
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) counts[i % cols]++;
  const labels = columnLabels(source, cols);
  const hit = counts.map((c, j) => ({ c, j })).filter((e) => e.c > 0);
  const named = isDanfoDataFrame(source) || isDanfoSeries(source) || cols > 1;
  const list =
    hit.length === 1
      ? `, in column ${labels[hit[0].j]}`
      : `, in columns ${hit
          .slice(0, 5)
          .map((e) => `${labels[e.j]} (${e.c})`)
          .join(", ")}${hit.length > 5 ? ", …" : ""}`;
  return `${named ? list : ""} (first at row ${row}: ${value})`;
}

/**
 * Throws a ValueError when `t` holds NaN or ±Infinity. `arg` names the argument (`"x"`,
 * `"x[1]"`, `"y"`, `"validationData x"`); `source` is what the caller passed (for column names).
 */
export function checkFiniteData(where: string, arg: string, t: tf.Tensor, source: unknown): void {
  const badCount = tf.tidy(() => tf.sum(tf.cast(tf.logicalNot(tf.isFinite(t)), "int32")));
  const count = badCount.dataSync()[0];
  badCount.dispose();
  if (count === 0) return;
  throw new ValueError(
    `${where}: ${arg} contains ${plural(count, "NaN or infinite value")}` +
      whereBad(t.dataSync(), t.shape, source) +
      `; fit needs finite numbers (one NaN makes the loss and every weight NaN): fill or drop ` +
      `those values first (e.g. df.dropNa() or df.fillNa(0))`,
  );
}
