/**
 * Number formatting that matches Python's `format(x, ".2f")`: exact ties round half to even
 * (`0.125` → `"0.12"`, where JavaScript's `toFixed` gives `"0.13"`), NaN is `"nan"`.
 *
 * @example
 * pyFixed(0.125, 2); // "0.12"
 */
export function pyFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const s = x.toFixed(digits);
  if (Math.abs(x) >= 1e21) return s;
  const long = Math.abs(x).toFixed(Math.min(100, digits + 40));
  const point = long.indexOf(".");
  const rest = long.slice(point + 1 + digits);
  if (!/^50*$/.test(rest)) return s;
  // An exact tie: toFixed rounded away from zero; Python keeps the even neighbour.
  const last = s.charCodeAt(s.length - 1) - 48;
  if (last % 2 === 0) return s;
  const truncated = long.slice(0, digits === 0 ? point : point + 1 + digits);
  return (x < 0 ? "-" : "") + truncated;
}

/** Right-aligns `s` in `width` characters, as Python's `{:>width}`. */
export function padLeft(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : " ".repeat(width - len) + s;
}
