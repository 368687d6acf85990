import { DataFrame, Series } from "../data/danfo";
import { isDanfoDataFrame, isDanfoSeries } from "../validation/danfoBase";
import { ArgumentTypeError, ValueError, describe } from "../validation/errors";
import { checkOptions } from "../data/options";

/** Options of {@link getDummies}. */
export interface GetDummiesOptions {
  /** Columns to encode (default: every string column). */
  columns?: string[];
  /** Column-name prefix: one string, one per encoded column, or a map (default: column name). */
  prefix?: string | string[] | Record<string, string>;
  /** Between prefix and value (default `"_"`). */
  prefixSep?: string;
  /** Leave out each column's first category (default false), to avoid redundant columns. */
  dropFirst?: boolean;
}

const missing = (v: unknown) => v === null || v === undefined || Number.isNaN(v);
const compare = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number"
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

function dummies(values: unknown[], dropFirst: boolean): { cats: unknown[]; cols: number[][] } {
  const cats = [...new Set(values.filter((v) => !missing(v)))].sort(compare);
  const kept = dropFirst ? cats.slice(1) : cats;
  return { cats: kept, cols: kept.map((c) => values.map((v) => (v === c ? 1 : 0))) };
}

function prefixFor(
  p: GetDummiesOptions["prefix"],
  col: string,
  k: number,
  n: number,
  where: string,
) {
  if (p === undefined) return col;
  if (typeof p === "string") return p;
  if (Array.isArray(p)) {
    if (p.length !== n)
      throw new ValueError(
        `${where}: prefix has ${p.length} names but ${n} column${n === 1 ? " is" : "s are"} encoded`,
      );
    return p[k];
  }
  return p[col] ?? col;
}

/**
 * One-hot encoding of categorical columns, as pandas' `get_dummies`: each encoded column is
 * replaced by one 0/1 column per category, named `<prefix><prefixSep><value>` and placed after
 * the columns that are not encoded. Categories are the sorted distinct values; a missing value
 * gives a row of zeros. The index is kept. A Series gives one column per value, named by the
 * value alone (unless `prefix` is given). pandas ≥ 2 returns booleans; this returns 0/1 numbers,
 * ready for a model.
 *
 * @param data A DataFrame or a Series.
 * @param options `columns` (default: string columns), `prefix`, `prefixSep` ("_"), `dropFirst` (false);
 *   any other key (a Python spelling such as `drop_first`) is an error naming the right one.
 * @example
 * const df = new DataFrame({ size: [1, 2, 3], town: ["Rome", "Boston", "Rome"] });
 * getDummies(df).columns; // ["size", "town_Boston", "town_Rome"]
 */
export function getDummies(data: DataFrame | Series, options: GetDummiesOptions = {}): DataFrame {
  const where = "getDummies";
  checkOptions(where, options, ["columns", "prefix", "prefixSep", "dropFirst"]);
  const sep = options.prefixSep ?? "_";
  const dropFirst = options.dropFirst ?? false;
  if (isDanfoSeries(data)) {
    const { cats, cols } = dummies(data.values as unknown[], dropFirst);
    const p = typeof options.prefix === "string" ? options.prefix + sep : "";
    const rows = (data.values as unknown[]).map((_, i) => cols.map((c) => c[i]));
    return new DataFrame(rows, {
      columns: cats.map((c) => p + String(c)),
      index: data.index as Array<string | number>,
    });
  }
  if (!isDanfoDataFrame(data))
    throw new ArgumentTypeError(
      `${where}: data must be a DataFrame or a Series; got ${describe(data)}`,
    );
  const names = data.columns.map(String);
  const toEncode = options.columns ?? names.filter((_, j) => data.dtypes[j] === "string");
  for (const c of toEncode)
    if (!names.includes(c))
      throw new ValueError(
        `${where}: column ${JSON.stringify(c)} is not in the DataFrame (columns: ${names.map((n) => JSON.stringify(n)).join(", ")})`,
      );
  const values = data.values as unknown[][];
  const column = (j: number) => values.map((r) => r[j]);
  const outNames: string[] = [];
  const outCols: unknown[][] = [];
  names.forEach((n, j) => {
    if (toEncode.includes(n)) return;
    outNames.push(n);
    outCols.push(column(j));
  });
  toEncode.forEach((n, k) => {
    const prefix = prefixFor(options.prefix, n, k, toEncode.length, where);
    const { cats, cols } = dummies(column(names.indexOf(n)), dropFirst);
    cats.forEach((c, i) => {
      outNames.push(prefix + sep + String(c));
      outCols.push(cols[i]);
    });
  });
  const rows = values.map((_, i) => outCols.map((c) => c[i]));
  return new DataFrame(rows, { columns: outNames, index: data.index as Array<string | number> });
}
