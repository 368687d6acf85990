/**
 * Cell text of a table column, by dtype, the way pandas prints it.
 *
 * Behaviour: `int32` values print as integers; `float32` values share one number of decimals
 * per column (the fewest, 1 to 6, that shows every value rounded to 6 decimals), or scientific
 * notation when a value is ≥ 1e16 or a non-zero value is < 1e-4; booleans print as
 * `true` / `false`; strings as they are. Missing values (NaN, null, undefined) print `NaN`.
 *
 * @example
 * formatColumn([1, 2.5, 3.25], "float32"); // ["1.00", "2.50", "3.25"]
 * formatColumn([1, 2], "int32"); // ["1", "2"]
 */

const missing = (v: unknown) =>
  v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

function decimalsFor(values: number[]): number {
  for (let d = 1; d < 6; d++) {
    const f = 10 ** d;
    if (values.every((v) => Math.abs(Math.round(v * f) / f - Math.round(v * 1e6) / 1e6) < 1e-9))
      return d;
  }
  return 6;
}

/** The texts of `values` formatted as a column of `dtype` (see the module doc). */
export function formatColumn(values: unknown[], dtype: string): string[] {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const floatLike =
    dtype === "float32" || dtype === "float64" || nums.some((v) => !Number.isInteger(v));
  if (dtype === "string" || dtype === "boolean" || nums.length === 0 || !floatLike) {
    return values.map((v) => (missing(v) ? "NaN" : String(v)));
  }
  const scientific = nums.some((v) => Math.abs(v) >= 1e16 || (v !== 0 && Math.abs(v) < 1e-4));
  const d = scientific ? 6 : decimalsFor(nums);
  return values.map((v) => {
    if (missing(v)) return "NaN";
    if (typeof v !== "number") return String(v);
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    return scientific ? v.toExponential(d) : v.toFixed(d);
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
