/**
 * Bad input to the figure builders and course helpers: each gives a clear message (or a
 * note in the title), never a crash.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { figureBundle } from "../../src/display";
import {
  dl_history_plot,
  plotConfusionMatrix,
  plotRocCurve,
  visualization_result,
} from "../../src/display/coursePlots";
import {
  bar,
  confusionMatrixFigure,
  historyFigure,
  imageGrid,
  line,
  predictionFigure,
  rocCurveFigure,
  subplots,
} from "../../src/plot";
import * as tf from "@tensorflow/tfjs";

const quiet = (t: { mock: { method: (o: object, m: string, f: () => void) => void } }) =>
  t.mock.method(console, "log", () => {});

test("visualization_result: mismatched lengths name both arguments", (t) => {
  quiet(t);
  assert.throws(() => visualization_result([1, 2, 3], [1, 2]), {
    name: "ValueError",
    message: "visualization_result: pred and y_val have different lengths (2 != 3)",
  });
});

test("empty inputs say what is empty", (t) => {
  quiet(t);
  assert.throws(
    () => visualization_result([], []),
    /visualization_result: pred is empty; at least 1 sample is required/,
  );
  assert.throws(() => line([]), /line: y is empty/);
  assert.throws(
    () => dl_history_plot({ loss: [] }),
    /dl_history_plot: history.loss is empty; train for at least one epoch first/,
  );
  assert.throws(() => imageGrid([]), /imageGrid: images is empty/);
});

test("a history without val_loss plots what exists and says what is missing", () => {
  const fig = historyFigure({ loss: [1, 0.5] });
  assert.deepEqual(
    fig.data.map((t) => t.name),
    ["train_err"],
  );
  assert.match(
    fig.layout.title?.text ?? "",
    /val_loss missing \(no validation data: use validationSplit or validationData in fit\)/,
  );
});

test("NaN values are skipped with a note in the title", () => {
  const fig = historyFigure({ loss: [1, NaN, 0.5], val_loss: [NaN, NaN, 0.7] });
  assert.deepEqual(fig.data[0].y, [1, null, 0.5]);
  assert.match(
    fig.layout.title?.text ?? "",
    /1 NaN value skipped in train_err; 2 NaN values skipped in val_err/,
  );
  const p = predictionFigure([1, NaN, 3], [1, 2, 3]);
  assert.deepEqual(p.data[0].x, [1, 3]);
  assert.match(p.layout.title?.text ?? "", /1 NaN value skipped/);
  assert.throws(
    () => historyFigure({ loss: [NaN, NaN] }),
    /every value of loss is NaN; the training diverged/,
  );
});

test("ROC curve: NaN pairs are skipped with a note in the title, like the other figures", (t) => {
  quiet(t);
  // the pairs left are sklearn's example: AUC 0.75
  const yTrue = [0, NaN, 0, 1, 1, 1];
  const scores = [0.1, 0.5, 0.4, 0.35, NaN, 0.8];
  const fig = rocCurveFigure(yTrue, scores);
  assert.equal(fig.data[0].name, "ROC (AUC = 0.750)");
  assert.equal(fig.layout.title?.text, "ROC curve<br><sup>2 NaN values skipped</sup>");
  assert.equal(plotRocCurve(yTrue, scores).layout.title?.text, fig.layout.title?.text);
  assert.equal(
    rocCurveFigure([0, 0, 1, 1], tf.tensor1d([0.1, 0.4, 0.35, Infinity])).layout.title?.text,
    "ROC curve<br><sup>1 NaN value skipped</sup>",
  );
  assert.equal(rocCurveFigure([0, 1], [0.2, 0.7]).layout.title?.text, "ROC curve");
  assert.throws(
    () => rocCurveFigure([NaN, 1], [0.5, NaN]),
    /rocCurveFigure: every pair of yTrue and scores has a NaN .*nothing to plot/,
  );
  assert.throws(
    () => rocCurveFigure([0, 1, 1], [0.1, 0.9]),
    /^ValueError: rocCurveFigure: yTrue and scores have different lengths \(3 != 2\)$/,
  );
  assert.throws(
    () => plotRocCurve([0, 1, 1], [0.1, 0.9]),
    /^ValueError: plotRocCurve: yTrue and scores have different lengths \(3 != 2\)$/,
  );
});

test("confusion matrix: NaN samples are skipped with a note in the title", (t) => {
  quiet(t);
  const fig = confusionMatrixFigure([0, 1, NaN, 1, 0], [0, 1, 1, null, 1]);
  assert.deepEqual(fig.data[0].z, [
    [1, 1],
    [0, 1],
  ]);
  assert.deepEqual(fig.data[0].x, ["0", "1"], "the axis labels are the classes left");
  assert.equal(fig.layout.title?.text, "Confusion matrix<br><sup>2 NaN values skipped</sup>");
  const course = plotConfusionMatrix([0, 1, NaN], [0, 1, 1], { labels: ["neg", "pos"] });
  assert.equal(course.layout.title?.text, "Confusion matrix<br><sup>1 NaN value skipped</sup>");
  // a probability row with a NaN is a NaN sample, not class -1
  const probs = confusionMatrixFigure(
    [0, 1, 1],
    [
      [0.9, 0.1],
      [NaN, 0.5],
      [0.3, 0.7],
    ],
  );
  assert.deepEqual(probs.data[0].z, [
    [1, 0],
    [0, 1],
  ]);
  assert.match(probs.layout.title?.text ?? "", /1 NaN value skipped/);
  const thresholded = confusionMatrixFigure([0, 1, 1], [0.2, NaN, 0.7], { threshold: 0.5 });
  assert.match(thresholded.layout.title?.text ?? "", /1 NaN value skipped/);
  assert.throws(
    () => confusionMatrixFigure([NaN], [0], {}, "plotConfusionMatrix"),
    /plotConfusionMatrix: every pair of yTrue and yPred has a NaN/,
  );
});

test("bad histories and metrics say what was expected", () => {
  assert.throws(() => dl_history_plot(42), {
    name: "TypeError",
    message:
      "dl_history_plot: history must be the History returned by fit, an object with .history, or {loss: [...], val_loss: [...]}; got 42",
  });
  assert.throws(
    () => historyFigure({ loss: 3 }),
    /historyFigure: history.loss must be a list of numbers \(one per epoch\); got 3/,
  );
  assert.throws(
    () => historyFigure({ loss: [1] }, { metrics: ["acc"] }),
    /metric "acc" is not in the history \(available: loss\)/,
  );
});

test("a non-figure where a figure is needed", () => {
  assert.throws(() => figureBundle({ x: 1 }), {
    name: "TypeError",
    message:
      "figureBundle: figure must be a plotly figure ({data: [traces], layout?, config?}, e.g. from line() or dl_history_plot()); got an object",
  });
  assert.throws(
    () => subplots([line([1]), "fig"]),
    /subplots: figures\[1\] must be a plotly figure .*got "fig"/,
  );
  assert.throws(() => subplots([]), /subplots: figures must be a non-empty array of figures/);
});

test("other argument checks", () => {
  assert.throws(
    () => bar(["a", "b"], [1]),
    /bar: labels and values have different lengths \(2 != 1\)/,
  );
  assert.throws(
    () => line({ y: [1, 2], x: [1] }),
    /^ValueError: line: x and y have different lengths \(1 != 2\)$/,
  );
  assert.throws(
    () =>
      line([
        { y: [1, 2], name: "loss" },
        { y: [3], x: [1, 2], name: "val_loss" },
      ]),
    /^ValueError: line: x of "val_loss" and y of "val_loss" have different lengths \(2 != 1\)$/,
  );
  assert.throws(
    () => imageGrid([[1, 2, 3]]),
    /imageGrid: flat images must be square \(e.g. 784 = 28×28 values\); got 3 values per image/,
  );
  assert.throws(
    () => imageGrid([[[1]]], { labels: [1, 2] }),
    /imageGrid: images and labels have different lengths \(1 != 2\)/,
  );
  assert.throws(
    () => visualization_result("abc", [1]),
    /visualization_result: pred and y_val have different lengths|y_val must be/,
  );
});
