/**
 * Shared input checks. Each throws a `ValueError` whose message names the function, the
 * argument, what was received and what was expected.
 *
 * @example
 * checkSameLength("r2Score", "yTrue", 3, "yPred", 2);
 * // ValueError: r2Score: yTrue and yPred have different lengths (3 != 2)
 */
import { ValueError } from "./errors";
import type { Matrix } from "./coerce";

/** Two arguments must have as many samples. */
export function checkSameLength(where: string, a: string, na: number, b: string, nb: number): void {
  if (na !== nb)
    throw new ValueError(`${where}: ${a} and ${b} have different lengths (${na} != ${nb})`);
}

/** At least one sample. */
export function checkNotEmpty(where: string, arg: string, n: number): void {
  if (n === 0) throw new ValueError(`${where}: ${arg} is empty; at least 1 sample is required`);
}

/**
 * No NaN / ±Infinity. The message names the first offending column and how many values are bad.
 */
export function checkFinite(where: string, arg: string, m: Matrix | Float64Array): void {
  const { data, cols, columns } =
    m instanceof Float64Array ? { data: m, cols: 1, columns: undefined } : m;
  let count = 0;
  let first = -1;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      count++;
      if (first < 0) first = i;
    }
  }
  if (count === 0) return;
  const row = Math.floor(first / cols);
  const col = first % cols;
  const colName =
    m instanceof Float64Array ? "" : ` in column ${columns ? JSON.stringify(columns[col]) : col}`;
  throw new ValueError(
    `${where}: ${arg} contains ${count} NaN or infinite value${count === 1 ? "" : "s"}` +
      `${colName} (first at row ${row}: ${data[first]}); fill or drop them first (e.g. df.dropNa())`,
  );
}

/** A positive integer, e.g. `timesteps` or `batchSize`. */
export function checkPositiveInteger(where: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new ValueError(`${where}: ${arg} must be a positive integer; got ${String(value)}`);
  }
  return value;
}
