/**
 * Small statistics and timing helpers shared by the side-by-side benchmark.
 *
 * Behaviour: `median` of a list (mean of the two middle values for an even count), `round` to
 * a number of digits, `ratio` that is null when either side is missing, and `load1` for the
 * machine's 1-minute load average (recorded next to every number, since the machine is shared).
 *
 * Run: imported by `bench/run.ts` (`npm run bench`); it does nothing on its own.
 *
 * @example
 * median([3, 1, 2]); // 2
 * ratio(2, 1); // 2
 * ratio(2, null); // null
 */
import os from "os";

/** The median of `values` (NaN for an empty list). */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `value` rounded to `digits` decimals. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** ours ÷ theirs, or null when either is missing or theirs is 0. */
export function ratio(ours: number | null, theirs: number | null): number | null {
  return ours === null || theirs === null || theirs === 0 ? null : round(ours / theirs, 2);
}

/** The 1-minute load average, two decimals. */
export function load1(): number {
  return round(os.loadavg()[0], 2);
}
