/**
 * `bar(labels, values, options)`: one bar per label.
 *
 * Behaviour: `labels` are strings or numbers, `values` numbers of the same length; a NaN value
 * draws no bar and the title says so.
 *
 * Options (besides `title`, `xLabel`, `yLabel`, `height`):
 * - `color` (default blue): bar colour.
 * - `horizontal` (default false): bars along x, labels on the y axis.
 *
 * @example
 * bar(["a", "b"], [3, 5]).data[0].y; // [3, 5]
 */
import { ValueError } from "../validation/errors";
import { checkNotEmpty, checkSameLength } from "../validation/checks";
import { Figure } from "./figure";
import { baseLayout, color as cycle, type BaseOptions } from "./style";
import { plotValues, skippedNote, withNotes } from "./values";

/** Options of `bar`. */
export interface BarOptions extends BaseOptions {
  /** Bar colour. Default the first colour of the cycle. */
  color?: string;
  /** Horizontal bars. Default false. */
  horizontal?: boolean;
}

/** A bar chart (see the module doc). */
export function bar(labels: unknown, values: unknown, options: BarOptions = {}): Figure {
  if (!Array.isArray(labels)) {
    throw new ValueError(
      `bar: labels must be an array of strings or numbers; got ${typeof labels}`,
    );
  }
  checkNotEmpty("bar", "labels", labels.length);
  const v = plotValues(values, "bar", "values");
  checkSameLength("bar", "labels", labels.length, "values", v.values.length);
  const names = labels.map((l) => String(l));
  const horizontal = options.horizontal ?? false;
  const layout = baseLayout(options);
  const note = skippedNote(v.skipped);
  if (note) layout.title = { text: withNotes(options.title ?? "", [note]) };
  return new Figure({
    data: [
      {
        type: "bar",
        x: horizontal ? v.values : names,
        y: horizontal ? names : v.values,
        ...(horizontal ? { orientation: "h" } : {}),
        marker: { color: options.color ?? cycle(0) },
      },
    ],
    layout,
  });
}
