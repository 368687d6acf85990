/**
 * `rocCurveFigure(yTrue, scores)`: the ROC curve with its AUC in the legend, the figure behind
 * `plotRocCurve`.
 *
 * Behaviour: the curve is `rocCurve` from the metrics module (so its checks and messages
 * apply); the area under it is the trapezoid rule over its points. A dashed diagonal shows a
 * random classifier. Both axes run from 0 to 1, square. Pairs where the label or the score is
 * NaN / ±Infinity (or null) are skipped and the title says how many ("2 NaN values skipped"),
 * as the other course figures do; every pair skipped throws.
 *
 * @example
 * rocCurveFigure([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).data[0].name; // "ROC (AUC = 0.750)"
 */
import { rocCurve } from "../metrics/rocCurve";
import type { Targets } from "../metrics/targets";
import { Figure } from "./figure";
import { axis, color } from "./style";
import { finitePairsOf, skippedNote, withNotes } from "./values";

/**
 * Area under the points (x[i], y[i]) by the trapezoid rule.
 *
 * @example
 * trapezoidArea([0, 1], [0, 1]); // 0.5
 */
export function trapezoidArea(x: number[], y: number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/** ROC curve (see the module doc); `where` names the caller in messages. */
export function rocCurveFigure(
  yTrue: Targets,
  scores: Targets,
  title = "ROC curve",
  where = "rocCurveFigure",
): Figure {
  const p = finitePairsOf(yTrue, scores, where, "yTrue", "scores");
  const { fpr, tpr } = rocCurve(p.a as Targets, p.b as Targets);
  const auc = trapezoidArea(fpr, tpr);
  const name = Number.isFinite(auc)
    ? `ROC (AUC = ${auc.toFixed(3)})`
    : "ROC (AUC undefined: one class only)";
  const clean = (v: number[]) => v.map((x) => (Number.isFinite(x) ? x : null));
  return new Figure({
    data: [
      {
        type: "scatter",
        mode: "lines",
        name,
        x: clean(fpr),
        y: clean(tpr),
        line: { color: color(0), width: 2 },
      },
      {
        type: "scatter",
        mode: "lines",
        name: "chance",
        x: [0, 1],
        y: [0, 1],
        line: { color: "#888", dash: "dash" },
      },
    ],
    layout: {
      title: { text: withNotes(title, [skippedNote(p.skipped)]) },
      xaxis: axis("False positive rate", { range: [0, 1], constrain: "domain" }),
      yaxis: axis("True positive rate", {
        range: [0, 1.02],
        scaleanchor: "x",
        constrain: "domain",
      }),
      width: 520,
      height: 500,
      showlegend: true,
      legend: { x: 0.45, y: 0.05 },
      margin: { t: 60, r: 20, b: 50, l: 60 },
      plot_bgcolor: "white",
      paper_bgcolor: "white",
    },
  });
}
