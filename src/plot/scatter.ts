/**
 * `scatter(x, y, options)`: points at (x[i], y[i]).
 *
 * Behaviour: `x` and `y` are lists of numbers (arrays, tensors, Series) of the same length;
 * pairs with a NaN in either are left out and the title says how many.
 *
 * Options (besides `title`, `xLabel`, `yLabel`, `height`):
 * - `name` (default "data"): legend name.
 * - `color` (default blue): point colour.
 * - `size` (default 6): point size in pixels.
 *
 * @example
 * scatter([1, 2, 3], [2, 4, 6]).data[0].mode; // "markers"
 */
import { checkSameLength } from "../validation/checks";
import { Figure } from "./figure";
import { baseLayout, color as cycle, type BaseOptions } from "./style";
import type { Trace } from "./types";
import { plotValues, skippedNote, withNotes } from "./values";

/** Options of `scatter`. */
export interface ScatterOptions extends BaseOptions {
  /** Legend name. Default "data". */
  name?: string;
  /** Point colour. Default the first colour of the cycle. */
  color?: string;
  /** Point size in pixels. Default 6. */
  size?: number;
}

/**
 * Finite (x, y) pairs of two equally long inputs, and how many pairs were dropped.
 *
 * @example
 * finitePairs([1, NaN], [2, 3], "scatter", "x", "y"); // { x: [1], y: [2], skipped: 1 }
 */
export function finitePairs(
  x: unknown,
  y: unknown,
  where: string,
  xName: string,
  yName: string,
): { x: number[]; y: number[]; skipped: number } {
  const xs = plotValues(x, where, xName).values;
  const ys = plotValues(y, where, yName).values;
  checkSameLength(where, xName, xs.length, yName, ys.length);
  const out = { x: [] as number[], y: [] as number[], skipped: 0 };
  xs.forEach((xi, i) => {
    const yi = ys[i];
    if (xi === null || yi === null) out.skipped++;
    else {
      out.x.push(xi);
      out.y.push(yi);
    }
  });
  return out;
}

/**
 * A marker trace.
 *
 * @example
 * markerTrace([1], [2], "pts", "red").mode; // "markers"
 */
export function markerTrace(x: number[], y: number[], name: string, c: string, size = 6): Trace {
  return { type: "scatter", mode: "markers", name, x, y, marker: { color: c, size, opacity: 0.7 } };
}

/** A scatter plot (see the module doc). */
export function scatter(x: unknown, y: unknown, options: ScatterOptions = {}): Figure {
  const p = finitePairs(x, y, "scatter", "x", "y");
  const layout = baseLayout(options);
  const note = skippedNote(p.skipped);
  if (note) layout.title = { text: withNotes(options.title ?? "", [note]) };
  return new Figure({
    data: [markerTrace(p.x, p.y, options.name ?? "data", options.color ?? cycle(0), options.size)],
    layout,
  });
}
