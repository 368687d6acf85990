/**
 * The figures snapshot-tested by golden.test.ts: one named builder call each.
 */
import {
  activationsFigure,
  bar,
  confusionMatrixFigure,
  heatmap,
  histogram,
  historyFigure,
  imageGrid,
  line,
  predictionFigure,
  rocCurveFigure,
  scatter,
  subplots,
  timeSeriesFigure,
  type Figure,
} from "../../src/plot";

const digit = (k: number) =>
  Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => ((i + j + k) % 4) / 3));

/** Name → figure. */
export const CASES: Record<string, () => Figure> = {
  line: () =>
    line(
      [
        { y: [3, 2, 1.5], name: "a" },
        { y: [1, 2, 3], x: [1, 2, 3], name: "b", dash: "dash" },
      ],
      { title: "Two lines", xLabel: "x", yLabel: "y", markers: true },
    ),
  lineNaN: () => line([1, NaN, 3, Infinity], { title: "Gaps" }),
  scatter: () => scatter([1, 2, 3, NaN], [2, 4, 6, 8], { title: "Points", name: "pts" }),
  bar: () => bar(["cat", "dog", "bird"], [3, 5, 1], { title: "Animals", yLabel: "count" }),
  histogram: () => histogram([1, 2, 2, 3, 3, 3, NaN], { bins: 3, title: "Counts" }),
  heatmap: () =>
    heatmap(
      [
        [1, 2],
        [3, 4.5],
      ],
      { x: ["a", "b"], y: ["r1", "r2"], annotate: true },
    ),
  imageGrid: () =>
    imageGrid([digit(0), digit(1), digit(2)], {
      labels: [0, 1, 2],
      predicted: [0, 2, 2],
      columns: 2,
    }),
  subplots: () => subplots([line([1, 2], { title: "left" }), bar(["a"], [1], { title: "right" })]),
  historyLoss: () => historyFigure({ loss: [1, 0.6, 0.4], val_loss: [1.2, 0.8, 0.7] }),
  historyAccuracy: () =>
    historyFigure({
      history: {
        loss: [1, 0.5],
        val_loss: [1.1, 0.6],
        accuracy: [0.5, 0.8],
        val_accuracy: [0.4, 0.7],
      },
    }),
  historyNoValidation: () => historyFigure({ loss: [1, NaN, 0.5] }),
  prediction: () => predictionFigure([1, 2, 3, 4], [1.2, 1.8, 3.3, NaN]),
  confusionMatrix: () =>
    confusionMatrixFigure([0, 1, 2, 2, 1], [0, 2, 2, 2, 1], { labels: ["a", "b", "c"] }),
  confusionMatrixNormalized: () =>
    confusionMatrixFigure([0, 1, 1, 1], [0, 1, 0, 1], { normalize: "true" }),
  rocCurve: () => rocCurveFigure([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
  activations: () => activationsFigure(),
  timeSeries: () =>
    timeSeriesFigure([1, 2, 3], [1.1, 2.2, 2.7], {
      index: ["2024-01-01", "2024-01-02", "2024-01-03"],
    }),
};
