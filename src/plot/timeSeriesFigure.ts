/**
 * `timeSeriesFigure(actual, predicted, options)`: actual and predicted values over time, the
 * figure behind `plotTimeSeries`.
 *
 * Behaviour: two lines on the same axes, x = `index` (dates as strings, numbers) or 0, 1, 2…
 * Different lengths or empty inputs throw; NaN values are gaps (the title says how many).
 *
 * Options:
 * - `index` (default 0, 1, 2…): the x values, e.g. dates.
 * - `title` (default "Actual vs predicted"), `xLabel` (default "time"), `yLabel` (default none).
 *
 * @example
 * timeSeriesFigure([1, 2, 3], [1, 2.5, 2.9]).data.map((t) => t.name); // ["actual", "predicted"]
 */
import { checkSameLength } from "../validation/checks";
import { Figure } from "./figure";
import { lineTraces } from "./line";
import { baseLayout, type BaseOptions } from "./style";
import type { Trace } from "./types";
import { withNotes } from "./values";

/** Options of `timeSeriesFigure` and `plotTimeSeries`. */
export interface TimeSeriesOptions extends BaseOptions {
  /** x values (dates, numbers). Default 0, 1, 2… */
  index?: unknown[];
}

/** Actual vs predicted over time (see the module doc). */
export function timeSeriesFigure(
  actual: unknown,
  predicted: unknown,
  options: TimeSeriesOptions = {},
  where = "timeSeriesFigure",
): Figure {
  const { traces, notes } = lineTraces(
    [
      { y: actual, name: "actual" },
      { y: predicted, name: "predicted", dash: "dash" },
    ],
    false,
    where,
  );
  checkSameLength(
    where,
    "actual",
    (traces[0].y ?? []).length,
    "predicted",
    (traces[1].y ?? []).length,
  );
  const index = options.index;
  if (index !== undefined) {
    checkSameLength(where, "index", index.length, "actual", (traces[0].y ?? []).length);
    const x = index.map((v) => (v instanceof Date ? v.toISOString() : (v as string | number)));
    traces.forEach((t: Trace) => (t.x = x));
  }
  const layout = baseLayout(options, { xLabel: "time" });
  layout.title = { text: withNotes(options.title ?? "Actual vs predicted", notes) };
  layout.showlegend = true;
  return new Figure({ data: traces, layout });
}
