/**
 * `predictionFigure(yVal, pred)`: predicted against actual values, the figure behind
 * `visualization_result`.
 *
 * Behaviour: one point per sample (x = prediction, y = actual value, as in the course), a red
 * `y = x` line from the smallest to the largest value of both arrays together, and both axes
 * from that min − 10 % to that max + 10 % of the combined range (the same range on both, square
 * aspect), so predictions outside the actual values' range stay in the plot. `yVal` and `pred` may be arrays, tensors (`[n]` or `[n, 1]`) or
 * Series; different lengths or empty inputs throw, pairs with NaN are skipped (the title says
 * how many).
 *
 * @example
 * predictionFigure([1, 2, 3], [1.1, 1.9, 3.2]).layout.xaxis?.range; // [0.78, 3.42]
 * predictionFigure([1, 2, 3], [0, 2, 10]).layout.xaxis?.range; // [-1, 11]
 */
import { ValueError } from "../validation/errors";
import { Figure } from "./figure";
import { finitePairs, markerTrace } from "./scatter";
import { axis, color } from "./style";
import { skippedNote, withNotes } from "./values";

/** Actual vs predicted (see the module doc); `where` names the caller in messages. */
export function predictionFigure(yVal: unknown, pred: unknown, where = "predictionFigure"): Figure {
  const p = finitePairs(pred, yVal, where, "pred", "y_val");
  if (p.x.length === 0)
    throw new ValueError(`${where}: every pair of y_val and pred has a NaN; nothing to plot`);
  // a loop, not Math.min(...values): large inputs would overflow the call stack
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...p.x, ...p.y]) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo || Math.abs(hi) || 1;
  // 12 significant digits: no 3.5299999999999998 in the figure
  const tidy = (v: number) => Number(v.toPrecision(12));
  const range: [number, number] = [tidy(lo - span * 0.1), tidy(hi + span * 0.1)];
  return new Figure({
    data: [
      markerTrace(p.x, p.y, "samples", color(0)),
      {
        type: "scatter",
        mode: "lines",
        name: "y = x",
        x: [lo, hi],
        y: [lo, hi],
        line: { color: "red" },
      },
    ],
    layout: {
      title: { text: withNotes("Actual vs predicted", [skippedNote(p.skipped)]) },
      xaxis: axis("Predicted", { range, constrain: "domain" }),
      yaxis: axis("Actual", { range, scaleanchor: "x", scaleratio: 1, constrain: "domain" }),
      width: 520,
      height: 500,
      showlegend: false,
      margin: { t: 60, r: 20, b: 50, l: 60 },
      plot_bgcolor: "white",
      paper_bgcolor: "white",
    },
  });
}
