/**
 * `shift` (pandas' `Series.shift`) and `addNextStepTarget` (the course's next-step target:
 * `data['y'] = data['target'].shift(-1)` then `dropna`).
 */
import { DataFrame, Series } from "./danfo";
import { isDanfoDataFrame, isDanfoSeries } from "../validation/danfoBase";
import { checkOptions } from "./options";
import { ArgumentTypeError, ValueError, describe } from "../validation/errors";

function checkPeriods(where: string, periods: unknown): number {
  if (typeof periods !== "number" || !Number.isInteger(periods))
    throw new ValueError(`${where}: periods must be an integer; got ${describe(periods)}`);
  return periods;
}

/** The values moved by `periods` places, NaN (numbers) or null (others) where none arrives. */
function shiftValues(values: readonly unknown[], periods: number): unknown[] {
  const n = values.length;
  const fill = values.every((v) => typeof v === "number" || v === null || v === undefined)
    ? NaN
    : null;
  return values.map((_, i) => {
    const from = i - periods;
    return from >= 0 && from < n ? values[from] : fill;
  });
}

/**
 * The values moved down by `periods` rows (up when negative), like pandas' `shift`: row i gets
 * the value of row i - periods, and the rows with nothing to take become NaN (null for text).
 * `shift(s, -1)` gives each row the next row's value (a next-step target). Index, name and
 * length stay; a DataFrame shifts every column; a number[] gives a number[].
 *
 * @example
 * shift([1, 2, 3], -1); // [2, 3, NaN]
 */
export function shift<T extends Series | DataFrame | readonly number[]>(data: T, periods = 1): T {
  const p = checkPeriods("shift", periods);
  if (isDanfoSeries(data)) {
    const s = data as Series;
    return new Series(shiftValues(s.values as unknown[], p), {
      index: s.index as (string | number)[],
      columns: s.columns as string[],
    }) as T;
  }
  if (isDanfoDataFrame(data)) {
    const df = data as DataFrame;
    const cols = (df.columns as string[]).map((c) => shiftValues(df[c].values as unknown[], p));
    const rows = (df.index as unknown[]).map((_, i) => cols.map((c) => c[i]));
    return new DataFrame(rows, {
      columns: df.columns as string[],
      index: df.index as (string | number)[],
    }) as T;
  }
  if (Array.isArray(data)) return shiftValues(data, p) as unknown as T;
  throw new ArgumentTypeError(
    `shift: data must be a Series, a DataFrame or an array; got ${describe(data)}`,
  );
}

/** Options of {@link addNextStepTarget}. */
export interface NextStepTargetOptions {
  /** Name of the new target column. Default `"y"`. */
  name?: string;
  /** How many rows ahead the target looks. Default 1 (the next row). */
  steps?: number;
}

/**
 * A copy of `df` with a target column holding `column`'s value `steps` rows later, without the
 * last `steps` rows (which have no such value): the course's
 * `data['y'] = data['target'].shift(-1); data.dropna(axis=0, inplace=True)` in one call,
 * except that only those trailing rows are dropped. The index labels of the kept rows stay.
 *
 * @example
 * const df = new DataFrame({ target: [1, 2, 3] });
 * addNextStepTarget(df, "target").values; // [[1, 2], [2, 3]]
 */
export function addNextStepTarget(
  df: DataFrame,
  column: string,
  options: NextStepTargetOptions = {},
): DataFrame {
  const where = "addNextStepTarget";
  checkOptions(where, options, ["name", "steps"]);
  const { name = "y", steps = 1 } = options;
  if (!isDanfoDataFrame(df))
    throw new ArgumentTypeError(`${where}: df must be a DataFrame; got ${describe(df)}`);
  const columns = df.columns as string[];
  if (!columns.includes(column)) {
    throw new ValueError(
      `${where}: column ${JSON.stringify(column)} is not in the DataFrame; columns: ` +
        columns.map((c) => JSON.stringify(c)).join(", "),
    );
  }
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 1)
    throw new ValueError(`${where}: steps must be a positive integer; got ${describe(steps)}`);
  const n = df.shape[0];
  if (steps >= n) {
    throw new ValueError(
      `${where}: steps (${steps}) must be smaller than the number of rows (${n}); no row would be left`,
    );
  }
  const values = df.values as unknown[][];
  const target = df[column].values as unknown[];
  const index = df.index as (string | number)[];
  const kept = n - steps;
  const rows = values.slice(0, kept).map((r, i) => [...r.filter((_, j) => columns[j] !== name), target[i + steps]]);
  const names = [...columns.filter((c) => c !== name), name];
  const dtypes = [...(df.dtypes as string[]).filter((_, j) => columns[j] !== name), df[column].dtype];
  return new DataFrame(rows, { columns: names, index: index.slice(0, kept), dtypes });
}
