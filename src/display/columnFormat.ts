/**
 * Cell text of a table column, by dtype, the way pandas prints it.
 *
 * Behaviour: `int32` values print as integers; booleans as `true` / `false`; strings as they
 * are; missing values (NaN, null, undefined) as `NaN`. Float columns follow pandas'
 * `FloatArrayFormatter` with `display.precision` 6 (checked against pandas 1.5 `to_html`; the
 * rule is the same in pandas 2):
 * 1. every value is written as Python's `"{: .6f}"` (exact binary value, rounded half to even;
 *    ±Infinity as `inf` / `-inf`), then trailing zeros are cut from all of them alike while
 *    every one ends in `0`, keeping at least one decimal (`1.50`, `2.25`; `1.0`, `2.0`);
 * 2. the whole column switches to scientific notation, Python's `"{: .6e}"` (`1.000000e-07`,
 *    `1.000000e+00`, no trimming), when a non-zero value has |v| < 1e-6, or when a value has
 *    |v| > 1e6 and the longest fixed text (with pandas' one leading space or minus sign) is
 *    longer than 12 characters. So `[1e-5, 1]` stays fixed (`0.00001`, `1.00000`), `[1e-7, 1]`
 *    and `[12345678.123, 1]` turn scientific, `[1234567.5, 1]` stays fixed.
 * Only the shown cells are formatted together, as pandas formats its truncated frame.
 *
 * @example
 * formatColumn([1, 2.5, 3.25], "float32"); // ["1.00", "2.50", "3.25"]
 * formatColumn([1e-7, 1], "float32"); // ["1.000000e-07", "1.000000e+00"]
 * formatColumn([1, 2], "int32"); // ["1", "2"]
 */
import { formatValue } from "../keras/format/formatValue";

/** pandas' `display.precision`. */
const PRECISION = 6;

const missing = (v: unknown) =>
  v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** pandas' `_trim_zeros_float`: cut zeros from every `d.ddd` text while all end in 0. */
function trimZeros(texts: (string | null)[]): (string | null)[] {
  const isDecimal = (t: string | null): t is string => t !== null && /^-?[0-9]+\.[0-9]*$/.test(t);
  let out = texts;
  const shouldTrim = () => {
    const numbers = out.filter(isDecimal);
    return numbers.length > 0 && numbers.every((t) => t.endsWith("0"));
  };
  while (shouldTrim()) out = out.map((t) => (isDecimal(t) ? t.slice(0, -1) : t));
  return out.map((t) => (isDecimal(t) && t.endsWith(".") ? `${t}0` : t));
}

/** The texts of `values` formatted as a column of `dtype` (see the module doc). */
export function formatColumn(values: unknown[], dtype: string): string[] {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const floatLike =
    dtype === "float32" || dtype === "float64" || nums.some((v) => !Number.isInteger(v));
  if (dtype === "string" || dtype === "boolean" || nums.length === 0 || !floatLike) {
    return values.map((v) => (missing(v) ? "NaN" : String(v)));
  }
  const number = (v: unknown) => (typeof v === "number" && !Number.isNaN(v) ? v : null);
  const fixed = trimZeros(
    values.map((v) => (number(v) === null ? null : formatValue(v as number, `.${PRECISION}f`))),
  );
  const abs = values
    .map(number)
    .filter((v): v is number => v !== null)
    .map(Math.abs);
  // pandas measures the texts with their leading space (or minus sign); NaN counts as "NaN"
  const longest = Math.max(
    ...fixed.map((t) => (t === null ? 3 : t.startsWith("-") ? t.length : t.length + 1)),
  );
  const small = abs.some((a) => a > 0 && a < 10 ** -PRECISION);
  const large = abs.some((a) => a > 1e6);
  const scientific = small || (large && longest > PRECISION + 6);
  return values.map((v, i) => {
    const n = number(v);
    if (n === null) return missing(v) ? "NaN" : String(v);
    return scientific ? formatValue(n, `.${PRECISION}e`) : (fixed[i] as string);
  });
}

/**
 * Row positions shown for `n` rows: all up to `max`, else the first and last `keep`.
 *
 * @example
 * shownPositions(5, 3, 1); // { head: [0], tail: [4] }
 */
export function shownPositions(
  n: number,
  max: number,
  keep: number,
): { head: number[]; tail: number[] } {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return { head: all, tail: [] };
  return { head: all.slice(0, keep), tail: all.slice(n - keep) };
}
