/**
 * `histogram(values, options)`: how many values fall in each bin.
 *
 * Behaviour: NaN values are left out (the title says how many). Plotly picks the bins unless
 * `bins` is given.
 *
 * Options (besides `title`, `xLabel`, `yLabel`, `height`):
 * - `bins` (default: automatic): the number of bins.
 * - `color` (default blue): bar colour.
 *
 * @example
 * histogram([1, 2, 2, 3], { bins: 3 }).data[0].nbinsx; // 3
 */
import { checkPositiveInteger } from "../validation/checks";
import { Figure } from "./figure";
import { baseLayout, color as cycle, type BaseOptions } from "./style";
import { plotValues, skippedNote, withNotes } from "./values";

/** Options of `histogram`. */
export interface HistogramOptions extends BaseOptions {
  /** Number of bins. Default: chosen by plotly. */
  bins?: number;
  /** Bar colour. Default the first colour of the cycle. */
  color?: string;
}

/** A histogram (see the module doc). */
export function histogram(values: unknown, options: HistogramOptions = {}): Figure {
  const v = plotValues(values, "histogram", "values");
  if (options.bins !== undefined) checkPositiveInteger("histogram", "bins", options.bins);
  const layout = baseLayout(options, { yLabel: "count" });
  const note = skippedNote(v.skipped);
  if (note) layout.title = { text: withNotes(options.title ?? "", [note]) };
  layout.bargap = 0.05;
  return new Figure({
    data: [
      {
        type: "histogram",
        x: v.values.filter((x) => x !== null),
        ...(options.bins !== undefined ? { nbinsx: options.bins } : {}),
        marker: { color: options.color ?? cycle(0) },
      },
    ],
    layout,
  });
}
