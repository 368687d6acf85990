/**
 * Figure content checked against values computed independently here (the goldens only
 * detect change).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "zlib";
import * as tf from "@tensorflow/tfjs";
import { danfo } from "../../src/data/danfo";
import {
  activationsFigure,
  confusionMatrixFigure,
  historyFigure,
  imageGrid,
  predictionFigure,
  rocCurveFigure,
  subplots,
  line,
  softmax,
  trapezoidArea,
} from "../../src/plot";

test("learning curves: names, epochs from 1, markers, axis titles, legend", () => {
  const loss = Array.from({ length: 5 }, (_, i) => 1 / (i + 1));
  const fig = historyFigure({
    loss,
    val_loss: loss.map((v) => v * 1.1),
    accuracy: [0.1, 0.2, 0.3, 0.4, 0.5],
    val_accuracy: [0, 0.1, 0.2, 0.3, 0.4],
  });
  assert.deepEqual(
    fig.data.map((t) => t.name),
    ["train_err", "val_err", "train_accuracy", "val_accuracy"],
  );
  assert.deepEqual(fig.data[0].x, [1, 2, 3, 4, 5]);
  assert.deepEqual(
    fig.data[1].y,
    loss.map((v) => v * 1.1),
  );
  assert.ok(fig.data.every((t) => t.mode === "lines+markers"));
  assert.deepEqual([fig.data[0].xaxis, fig.data[2].xaxis], ["x", "x2"]);
  assert.equal(fig.layout.xaxis?.title?.text, "Epoch");
  assert.equal((fig.layout.yaxis2 as { title: { text: string } }).title.text, "accuracy");
  assert.equal(fig.layout.xaxis?.showgrid, true);
  assert.equal(fig.layout.showlegend, true);
  const withLr = historyFigure({ loss, val_loss: loss, lr: [0.1, 0.1, 0.05, 0.05, 0.05] });
  assert.deepEqual(
    withLr.data.map((t) => t.name),
    ["train_err", "val_err"],
  );
  const only = historyFigure({ loss, accuracy: loss }, { metrics: "accuracy" });
  assert.deepEqual(
    only.data.map((t) => t.name),
    ["train_accuracy"],
  );
});

test("a tfjs-style History with tensor values and .epoch is read", () => {
  const h = { epoch: [0, 1], history: { loss: [tf.scalar(0.5), tf.scalar(0.25)] }, params: {} };
  assert.deepEqual(historyFigure(h).data[0].y, [0.5, 0.25]);
});

test("visualization_result figure: axes padded by 10 % of the actual range, square, red y = x", () => {
  const yVal = [10, 20, 30, 50];
  const fig = predictionFigure(yVal, tf.tensor2d([[12], [18], [33], [45]]));
  const span = 50 - 10;
  assert.deepEqual(fig.layout.xaxis?.range, [10 - 0.1 * span, 50 + 0.1 * span]);
  assert.deepEqual(fig.layout.yaxis?.range, fig.layout.xaxis?.range);
  assert.equal(fig.layout.yaxis?.scaleanchor, "x");
  assert.deepEqual(fig.data[0].x, [12, 18, 33, 45]);
  assert.deepEqual(fig.data[0].y, yVal);
  assert.deepEqual(
    [fig.data[1].x, fig.data[1].y],
    [
      [10, 50],
      [10, 50],
    ],
  );
  assert.equal((fig.data[1].line as { color: string }).color, "red");
  const s = new danfo.DataFrame({ y: yVal })["y"];
  assert.deepEqual(predictionFigure(s, [12, 18, 33, 45]).data[0].y, yVal);
});

test("visualization_result figure: predictions outside the actual range stay in the plot", () => {
  // y_val 1..3, pred 0..10: the range is over both (0..10), padded by 10 % of it, on both axes
  const fig = predictionFigure([1, 2, 3], [0, 2, 10]);
  assert.deepEqual(fig.layout.xaxis?.range, [-1, 11]);
  assert.deepEqual(fig.layout.yaxis?.range, [-1, 11]);
  assert.equal(fig.layout.yaxis?.scaleanchor, "x");
  assert.equal(fig.layout.yaxis?.scaleratio, 1);
  const [x0, x1] = fig.layout.xaxis?.range as [number, number];
  for (const v of [...(fig.data[0].x as number[]), ...(fig.data[0].y as number[])]) {
    assert.ok(v > x0 && v < x1, `${v} inside [${x0}, ${x1}]`);
  }
  assert.deepEqual(fig.data[1].x, [0, 10], "the y = x line spans every point");
  // actual values outside the predictions' range too; no float noise in the range
  assert.deepEqual(predictionFigure([-5, 0, 1], [0.2, 0.4, 0.3]).layout.xaxis?.range, [-5.6, 1.6]);
});

test("ROC AUC by the trapezoid rule matches scikit-learn's documented example (0.75)", () => {
  assert.equal(trapezoidArea([0, 0, 0.5, 0.5, 1], [0, 0.5, 0.5, 1, 1]), 0.75);
  assert.equal(
    rocCurveFigure([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).data[0].name,
    "ROC (AUC = 0.750)",
  );
  assert.equal(trapezoidArea([0, 1], [0, 1]), 0.5);
});

test("confusion matrix: probabilities and one-hot rows count by argmax", () => {
  const probs = tf.tensor2d([
    [0.8, 0.1, 0.1],
    [0.2, 0.7, 0.1],
    [0.1, 0.2, 0.7],
    [0.6, 0.3, 0.1],
  ]);
  const oneHot = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [0, 0, 1],
  ];
  // true 0,1,2,2 vs predicted 0,1,2,0
  assert.deepEqual(confusionMatrixFigure(oneHot, probs).data[0].z, [
    [1, 0, 0],
    [0, 1, 0],
    [1, 0, 1],
  ]);
  probs.dispose();
});

test("activations: formulas at known points, softmax sums to 1", () => {
  const fig = activationsFigure();
  const at = (k: number, x: number) => {
    const t = fig.data[k];
    return (t.y as number[])[(t.x as number[]).indexOf(x)];
  };
  assert.equal(at(0, 0), 0.5);
  assert.equal(at(1, 1), Math.round(Math.tanh(1) * 1e4) / 1e4);
  assert.deepEqual([at(2, -2), at(2, 3)], [0, 3]);
  assert.equal(at(3, 2), Math.round((2 / (1 + Math.exp(-2))) * 1e4) / 1e4);
  const p = softmax([2, 1, 0.1, -1]);
  assert.ok(Math.abs(p.reduce((a, b) => a + b) - 1) < 1e-12);
  assert.ok(Math.abs(p[0] / p[1] - Math.E) < 1e-12);
});

test("image grid from a [n, 28, 28, 1] tensor: 25 panels, shared scale, first-of-N note", () => {
  const x = tf.tidy(() => tf.randomUniform([30, 28, 28, 1]));
  const fig = imageGrid(x, { labels: tf.tensor1d(Array.from({ length: 30 }, (_, i) => i % 10)) });
  assert.equal(fig.data.length, 25);
  const data = x.dataSync();
  // Decode image 1's PNG by hand: 28×28 grayscale, ink = 255 - 255·(v - min) / (max - min).
  const png = Buffer.from(
    String(fig.data[1].source).replace(/^data:image\/png;base64,/, ""),
    "base64",
  );
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]], [28, 28, 8, 0]);
  const idat = png.indexOf("IDAT");
  const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const shown = Array.from(data.subarray(0, 25 * 784));
  const [lo, hi] = [Math.min(...shown), Math.max(...shown)];
  for (const [r, c] of [
    [2, 3],
    [0, 0],
    [27, 27],
    [14, 9],
  ]) {
    const v = data[784 + r * 28 + c];
    assert.equal(
      raw[r * 29 + 1 + c],
      255 - Math.round((255 * (v - lo)) / (hi - lo)),
      `pixel ${r},${c}`,
    );
  }
  assert.ok(
    // even 25 images of incompressible noise stay under the 50 KB a plot may take
    JSON.stringify(fig).length < 50_000,
    `25 noise images in ${JSON.stringify(fig).length} bytes`,
  );
  assert.match(fig.layout.title?.text ?? "", /first 25 of 30 images/);
  x.dispose();
});

test("subplots puts panels side by side on their own axes", () => {
  const fig = subplots([line([1, 2]), line([3, 4]), line([5, 6])]);
  const dom = (k: string) => (fig.layout[k] as { domain: number[] }).domain;
  assert.deepEqual(
    fig.data.map((t) => t.yaxis),
    ["y", "y2", "y3"],
  );
  assert.ok(dom("xaxis")[1] < dom("xaxis2")[0] && dom("xaxis2")[1] < dom("xaxis3")[0]);
  assert.ok(Math.abs(dom("xaxis3")[1] - 1) < 1e-12);
});

test("subplots of grids: each inner panel keeps its own axes and captions inside its cell", () => {
  const h = {
    loss: [0.9, 0.5],
    val_loss: [1, 0.6],
    accuracy: [0.5, 0.8],
    val_accuracy: [0.4, 0.7],
  };
  const inner = historyFigure(h);
  assert.equal(inner.data.length, 4, "loss and accuracy panels, train and validation each");
  const fig = subplots([inner, historyFigure(h, { title: "B" }), line([1, 2])]);
  assert.deepEqual(
    fig.data.map((t) => t.xaxis),
    ["x", "x", "x2", "x2", "x3", "x3", "x4", "x4", "x5"],
  );
  const dom = (k: string) => (fig.layout[k] as { domain: number[]; anchor: string }).domain;
  // panels keep their order left to right, inside thirds of the page
  const lefts = ["xaxis", "xaxis2", "xaxis3", "xaxis4", "xaxis5"].map((k) => dom(k)[0]);
  assert.deepEqual(
    [...lefts].sort((a, b) => a - b),
    lefts,
  );
  assert.ok(dom("xaxis2")[1] <= dom("xaxis3")[0], "the second grid starts right of the first");
  assert.equal((fig.layout.xaxis4 as { anchor: string }).anchor, "y4");
  // the inner captions ("Loss", "Accuracy") moved with their grids: no two at the same place
  const captions = (fig.layout.annotations ?? []).map((a) => `${a.text}@${Number(a.x).toFixed(3)}`);
  assert.equal(new Set(captions).size, captions.length, captions.join(", "));
  const loss = (fig.layout.annotations ?? []).filter((a) => /loss/i.test(String(a.text)));
  assert.equal(loss.length, 2);
  assert.ok(Number(loss[0].x) < 1 / 3 && Number(loss[1].x) > 1 / 3 && Number(loss[1].x) < 2 / 3);
});
