/**
 * Turning plot inputs into plotly values, and the notes a title carries about them.
 *
 * Behaviour: `plotValues` accepts what `toVector` accepts (arrays, typed arrays, `[n]` or
 * `[n, 1]` tensors, Series, one-column DataFrames) and refuses an empty input; NaN and
 * ±Infinity become `null` (a gap in the plot) and are counted, so the title can say
 * "2 NaN values skipped". `withNotes` appends such notes to a title as a smaller second line.
 * `finitePairsOf` drops the pairs of two 1-D inputs where either value is NaN / ±Infinity (or
 * null), for the figures over metrics (ROC curve, confusion matrix), whose checks refuse them.
 *
 * @example
 * plotValues([1, NaN, 3], "line", "y"); // { values: [1, null, 3], skipped: 1 }
 * withNotes("Loss", ["1 NaN value skipped"]); // "Loss<br><sup>1 NaN value skipped</sup>"
 * finitePairsOf([0, 1, NaN], [0.2, 0.9, 0.5], "plot", "yTrue", "scores").skipped; // 1
 */
import { checkNotEmpty, checkSameLength } from "../validation/checks";
import { toVector } from "../validation/coerce";
import { asExportedDanfo } from "../validation/danfoBase";
import { ValueError } from "../validation/errors";
import type { Datum } from "./types";

/** Plot-ready values and how many non-finite ones became gaps. */
export interface PlotValues {
  values: Datum[];
  skipped: number;
}

/** Numbers of `value` with NaN / ±Infinity turned into gaps (`null`). */
export function plotValues(value: unknown, where: string, arg: string): PlotValues {
  const v = toVector(asExportedDanfo(value), where, arg);
  checkNotEmpty(where, arg, v.length);
  let skipped = 0;
  const values = Array.from(v, (x) => {
    if (Number.isFinite(x)) return x;
    skipped++;
    return null;
  });
  return { values, skipped };
}

/**
 * `a` and `b` without the pairs where either is NaN, ±Infinity or null, and how many were
 * dropped. Inputs that are not two 1-D numeric inputs of one non-zero length come back as they
 * are (skipped 0), so the metric that gets them next reports the problem in its own words;
 * with nothing skipped the inputs come back unchanged too. Different lengths and every pair
 * dropped throw, naming `where` and both arguments.
 */
export function finitePairsOf(
  a: unknown,
  b: unknown,
  where: string,
  aName: string,
  bName: string,
): { a: unknown; b: unknown; skipped: number } {
  let va: Float64Array;
  let vb: Float64Array;
  try {
    va = toVector(asExportedDanfo(a), where, aName);
    vb = toVector(asExportedDanfo(b), where, bName);
  } catch {
    return { a, b, skipped: 0 };
  }
  checkSameLength(where, aName, va.length, bName, vb.length);
  if (va.length === 0) return { a, b, skipped: 0 };
  const keep: number[] = [];
  for (let i = 0; i < va.length; i++) {
    if (Number.isFinite(va[i]) && Number.isFinite(vb[i])) keep.push(i);
  }
  if (keep.length === va.length) return { a, b, skipped: 0 };
  if (keep.length === 0) {
    throw new ValueError(
      `${where}: every pair of ${aName} and ${bName} has a NaN (or an infinite value); nothing to plot`,
    );
  }
  return {
    a: keep.map((i) => va[i]),
    b: keep.map((i) => vb[i]),
    skipped: va.length - keep.length,
  };
}

/** "3 NaN values skipped in y" (or "" when none). */
export function skippedNote(skipped: number, arg?: string): string {
  if (skipped === 0) return "";
  return `${skipped} NaN value${skipped === 1 ? "" : "s"} skipped${arg ? ` in ${arg}` : ""}`;
}

/** `title` with the non-empty `notes` as a second, smaller line. */
export function withNotes(title: string, notes: string[]): string {
  const kept = notes.filter(Boolean);
  return kept.length ? `${title}<br><sup>${kept.join("; ")}</sup>` : title;
}

/** `start`, `start + 1`, … as many as `n` (plotly x values). */
export function range(n: number, start = 0): number[] {
  return Array.from({ length: n }, (_, i) => i + start);
}

/** Rounded to `digits` decimals, keeping figures small (gaps stay gaps). */
export function rounded(values: Datum[], digits: number): Datum[] {
  const f = 10 ** digits;
  return values.map((v) => (v === null ? null : Math.round(v * f) / f));
}
