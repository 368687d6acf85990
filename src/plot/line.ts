/**
 * `line(series, options)`: a line chart of one or more series.
 *
 * Behaviour: `series` is one list of numbers (an array, a tensor, a Series), or one or more
 * `{y, x?, name?, color?, dash?}` objects. Missing `x` is 0, 1, 2…; NaN values are gaps and
 * the title says how many were skipped. Mismatched `x` / `y` lengths and empty series throw.
 *
 * Options (besides `title`, `xLabel`, `yLabel`, `height`):
 * - `markers` (default false): draw a dot at every point.
 *
 * @example
 * const fig = line([{ y: [3, 2, 1], name: "loss" }], { xLabel: "Epoch" });
 * fig.data[0].mode; // "lines"
 */
import { Figure } from "./figure";
import { baseLayout, color, type BaseOptions } from "./style";
import type { Datum, Trace } from "./types";
import { plotValues, range, skippedNote, withNotes } from "./values";
import { checkSameLength } from "../validation/checks";

/** One line: values and how to draw them. */
export interface LineSeries {
  /** The values. */
  y: unknown;
  /** x positions. Default 0, 1, 2… */
  x?: unknown;
  /** Legend name. Default "y", "y1"… */
  name?: string;
  /** CSS colour. Default: the colour cycle. */
  color?: string;
  /** Dash style: "solid", "dash", "dot". Default "solid". */
  dash?: string;
}

/** Options of `line`. */
export interface LineOptions extends BaseOptions {
  /** Draw markers at the points. Default false. */
  markers?: boolean;
}

/** Is `v` a list of `LineSeries` (rather than a list of numbers)? */
function isSeriesList(v: unknown): v is LineSeries[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((s) => s !== null && typeof s === "object" && "y" in s)
  );
}

/**
 * One scatter trace per series, plus the notes about skipped values.
 *
 * @example
 * lineTraces([{ y: [1, NaN] }], false, "line").notes; // ["1 NaN value skipped"]
 */
export function lineTraces(
  series: LineSeries[],
  markers: boolean,
  where: string,
): { traces: Trace[]; notes: string[] } {
  const notes: string[] = [];
  const traces = series.map((s, i) => {
    const name = s.name ?? (series.length === 1 ? "y" : `y${i}`);
    const y = plotValues(s.y, where, name);
    let x: Datum[] = range(y.values.length);
    if (s.x !== undefined) {
      const plain = series.length === 1 && s.name === undefined;
      const [xLabel, yLabel] = plain ? ["x", "y"] : [`x of "${name}"`, `y of "${name}"`];
      x = plotValues(s.x, where, xLabel).values;
      checkSameLength(where, xLabel, x.length, yLabel, y.values.length);
    }
    notes.push(skippedNote(y.skipped, series.length > 1 ? name : undefined));
    return {
      type: "scatter",
      mode: markers ? "lines+markers" : "lines",
      name,
      x,
      y: y.values,
      line: { color: s.color ?? color(i), ...(s.dash ? { dash: s.dash } : {}) },
      ...(markers ? { marker: { size: 6 } } : {}),
    };
  });
  return { traces, notes };
}

/** A line chart (see the module doc). */
export function line(series: unknown, options: LineOptions = {}): Figure {
  const list: LineSeries[] = isSeriesList(series)
    ? series
    : series !== null && typeof series === "object" && "y" in series
      ? [series as LineSeries]
      : [{ y: series }];
  const { traces, notes } = lineTraces(list, options.markers ?? false, "line");
  const layout = baseLayout(options);
  if (notes.some(Boolean)) layout.title = { text: withNotes(options.title ?? "", notes) };
  layout.showlegend = list.length > 1;
  return new Figure({ data: traces, layout });
}
