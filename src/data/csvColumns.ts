/**
 * Column typing for `readCsv`, the way pandas' `read_csv` does it by default: a column whose
 * cells are all numbers (or missing) becomes numeric, all `true` / `false` becomes boolean,
 * anything else stays text.
 *
 * Missing cells are the empty cell and pandas' default NA words (`NA`, `N/A`, `NaN`, `nan`,
 * `null`, `None`, `#N/A`, …). Numeric columns become `int32` when every value is a whole number
 * that fits in 32 bits and none is missing, else `float32` with NaN for the missing cells (the
 * values keep full double precision; the dtype is danfo's label). Text keeps its spaces;
 * missing text is `null`.
 *
 * @example
 * typeColumn(["1", "2", ""]); // { dtype: "float32", values: [1, 2, NaN] }
 */

/** A typed column: danfo dtype and values. */
export interface TypedColumn {
  dtype: "int32" | "float32" | "boolean" | "string" | "datetime";
  values: (number | boolean | string | Date | null)[];
}

/** pandas' default `na_values`. */
export const NA_WORDS = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const BOOLEAN: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};

function toNumber(cell: string): number | null {
  const s = cell.trim();
  if (NUMBER.test(s)) return Number(s);
  const inf = INFINITY.exec(s);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  return null;
}

/** The typed values of one column given its raw cells. */
export function typeColumn(cells: string[]): TypedColumn {
  const missing = cells.map((c) => NA_WORDS.has(c.trim()));
  const numbers: number[] = [];
  let numeric = true;
  let whole = true;
  for (let i = 0; i < cells.length && numeric; i++) {
    if (missing[i]) {
      numbers.push(NaN);
      whole = false;
      continue;
    }
    const v = toNumber(cells[i]);
    if (v === null) numeric = false;
    else {
      numbers.push(v);
      if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 31) whole = false;
    }
  }
  if (numeric) return { dtype: whole && cells.length > 0 ? "int32" : "float32", values: numbers };
  if (cells.every((c, i) => !missing[i] && c.trim() in BOOLEAN)) {
    return { dtype: "boolean", values: cells.map((c) => BOOLEAN[c.trim()]) };
  }
  return { dtype: "string", values: cells.map((c, i) => (missing[i] ? null : c)) };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 date or date-time as a Date, or null when the text is not one. Without a time zone
 * the value is local time (like pandas' naive timestamps), so danfo's `dt.day()` / `dt.hour()`
 * give back the written numbers; with `Z` or an offset it is that instant.
 */
export function parseIsoDate(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = Number(((m[7] ?? "") + "000").slice(0, 3));
  const day = new Date(0);
  day.setUTCFullYear(y, mo - 1, d);
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return null; // 2021-02-29, 25:00 …
  const zone = m[8];
  const date = new Date(0);
  if (zone === undefined) {
    date.setFullYear(y, mo - 1, d);
    date.setHours(h, mi, s, ms);
    return date;
  }
  const sign = zone.startsWith("-") ? -1 : 1;
  const offset = zone === "Z" ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return new Date(date.getTime() - offset * 60000);
}
