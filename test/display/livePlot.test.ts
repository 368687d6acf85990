/**
 * LivePlot: one output created, then updated in place each epoch; the plotly figure at the
 * end. Driven with fake logs, plus one real tfjs fit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { LivePlot, resetPlotlySession } from "../../src/display";
import { historyFigure } from "../../src/plot";
import { fakeKernel } from "./fakeKernel";

test("frames go to one display id, each with the latest epoch; the end brings the figure", async () => {
  resetPlotlySession();
  const k = fakeKernel();
  const live = new LivePlot();
  try {
    live.setParams({
      epochs: 3,
      steps: 1,
      verbose: 0,
      batchSize: 1,
      samples: 1,
      doValidation: true,
      metrics: [],
    });
    live.onTrainBegin();
    for (let e = 0; e < 3; e++) live.onEpochEnd(e, { loss: 1 / (e + 1), val_loss: 1.2 / (e + 1) });
    live.onTrainEnd();
  } finally {
    k.restore();
  }
  assert.equal(k.sent.length, 4);
  const ids = new Set(k.sent.map((s) => s.options.displayId));
  assert.equal(ids.size, 1);
  assert.deepEqual(
    k.sent.map((s) => !!s.options.update),
    [false, true, true, true],
  );
  const frame = k.sent[2].bundle["text/html"] as string;
  assert.match(frame, /^<div class="tslab-ml-live" data-epoch="3"><div[^>]*><svg /);
  assert.match(
    k.sent[2].bundle["text/plain"] as string,
    /^Epoch 3\/3 — loss 0.3333 · val_loss 0.4$/,
  );
  assert.equal(frame.match(/<circle /g)?.length, 6);
  const last = k.sent[3].bundle;
  assert.ok("application/vnd.plotly.v1+json" in last);
  assert.deepEqual(live.history.loss, [1, 0.5, 1 / 3]);
});

test("a frame that cannot be drawn is reported once and training goes on", (t) => {
  const errors: string[] = [];
  t.mock.method(process.stderr, "write", (s: string) => errors.push(s) > 0);
  const g = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for("tslab-ml.kernel");
  g[key] = {
    display: () => {
      throw new Error("socket closed");
    },
  };
  try {
    const live = new LivePlot();
    live.onEpochEnd(0, { loss: 1 });
    live.onEpochEnd(1, { loss: 0.5 });
  } finally {
    delete g[key];
  }
  assert.deepEqual(errors, ["LivePlot: could not draw the learning curves: socket closed\n"]);
});

test("works as a callback of raw tfjs model.fit", async () => {
  resetPlotlySession();
  await tf.ready();
  const k = fakeKernel();
  const live = new LivePlot();
  let history: tf.History | null = null;
  try {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: "sgd", loss: "meanSquaredError" });
    const x = tf.tensor2d([[0], [1], [2], [3], [4], [5]]);
    history = await model.fit(x, x.mul(2), {
      epochs: 4,
      validationSplit: 0.34,
      verbose: 0,
      callbacks: live as never,
    });
  } finally {
    k.restore();
  }
  assert.equal(live.history.loss.length, 4);
  assert.equal(live.history.val_loss.length, 4);
  assert.equal(k.sent.length, 5);
  assert.ok("application/vnd.plotly.v1+json" in k.sent[4].bundle);
  const fig = historyFigure(history);
  assert.deepEqual(fig.data[0].y, history!.history.loss);
  assert.deepEqual(fig.data[1].y, live.history.val_loss);
});
