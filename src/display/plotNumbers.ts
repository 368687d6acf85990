/**
 * `plotNumber(v)`: a fractional number written with no more digits than a plot can show.
 *
 * Behaviour: a figure's numbers are stored twice in a notebook (the plotly JSON and the HTML
 * that draws it), and JavaScript writes a float in up to 17 significant digits. Values that
 * came out of a float32 tensor (losses, predictions, weights) are written with the fewest
 * digits that give back the same float32, so they lose nothing (`0.8748269438743591` becomes
 * `0.87482694`). Other fractional numbers keep 10 significant digits (a relative change below
 * 5e-10, far under a pixel). Integers, `NaN` and infinities are returned unchanged.
 * `plotNumbers(spec)` applies it to every number in a JSON value and returns a copy.
 *
 * @example
 * plotNumber(Math.fround(0.1)); // 0.1
 * plotNumber(2 / 3);            // 0.6666666667
 * plotNumber(42);               // 42
 */

/** The shortest-digit stand-in for `v`; see the module doc. */
export function plotNumber(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  const single = Math.fround(v);
  if (single !== v) return Number(v.toPrecision(10));
  for (let digits = 1; digits < 9; digits++) {
    const r = Number(v.toPrecision(digits));
    if (Math.fround(r) === single) return r;
  }
  return Number(v.toPrecision(9));
}

/** A JSON copy of `value` (as `JSON.stringify` sees it) with every number passed through `plotNumber`. */
export function plotNumbers<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === "number" ? plotNumber(v) : v,
  ) as T;
}
