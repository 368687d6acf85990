import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { GRU, LSTM, SimpleRNN } from "../../../src/keras/layers/recurrent";
import { backendReady } from "./helpers";

before(backendReady);

/** 64 sequences of 6 steps × 2 features; the target is the mean of the first feature. */
function data(): { x: tf.Tensor3D; y: tf.Tensor2D } {
  return tf.tidy(() => {
    const x = tf.randomUniform([64, 6, 2], -1, 1, "float32", 7) as tf.Tensor3D;
    const y = tf.mean(x.slice([0, 0, 0], [64, 6, 1]), 1) as tf.Tensor2D;
    return { x, y };
  });
}

async function fitLosses(layer: tf.layers.Layer, epochs: number): Promise<number[]> {
  const { x, y } = data();
  const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: tf.train.adam(0.02), loss: "meanSquaredError" });
  const before = model.getWeights().map((w) => w.clone());
  const history = await model.fit(x, y, { epochs, batchSize: 16, verbose: 0, shuffle: false });
  const after = model.getWeights();
  before.forEach((w, i) => {
    const moved = tf.max(tf.abs(tf.sub(w, after[i]))).dataSync()[0];
    assert.ok(moved > 0, `${layer.name}: weight ${i} received a gradient`);
  });
  tf.dispose([x, y, ...before]);
  model.dispose();
  return history.history.loss as number[];
}

test("runs on the wasm backend, as in a notebook", () => {
  if (process.env.TSLAB_ML_BACKEND === undefined) assert.equal(tf.getBackend(), "wasm");
});

for (const [name, make] of [
  ["SimpleRNN", () => SimpleRNN(8, { inputShape: [6, 2] })],
  ["LSTM", () => LSTM(8, { inputShape: [6, 2] })],
  ["GRU (reset_after)", () => GRU(8, { inputShape: [6, 2] })],
  ["GRU (reset_after=False)", () => GRU(8, { inputShape: [6, 2], resetAfter: false })],
  [
    "GRU (reset_after) with dropout and recurrent dropout",
    () => GRU(8, { inputShape: [6, 2], dropout: 0.1, recurrentDropout: 0.1 }),
  ],
  ["GRU (reset_after) with input dropout", () => GRU(8, { inputShape: [6, 2], dropout: 0.2 })],
] as const) {
  test(`${name} trains: every weight moves and the loss falls`, async () => {
    const losses = await fitLosses(make(), 25);
    assert.ok(losses.every(Number.isFinite));
    assert.ok(
      losses[losses.length - 1] < 0.5 * losses[0],
      `loss ${losses[0]} → ${losses[losses.length - 1]}`,
    );
  });
}

test("GRU dropout is active only in training and does not leak tensors", async () => {
  const layer = GRU(6, { inputShape: [4, 3], dropout: 0.5, recurrentDropout: 0.5 });
  const model = tf.sequential({ layers: [layer] });
  const x = tf.ones([2, 4, 3]);
  const a = model.predict(x) as tf.Tensor;
  const b = model.predict(x) as tf.Tensor;
  assert.deepEqual(
    Array.from(a.dataSync()),
    Array.from(b.dataSync()),
    "inference is deterministic",
  );
  const train1 = layer.apply(x, { training: true }) as tf.Tensor;
  const train2 = layer.apply(x, { training: true }) as tf.Tensor;
  assert.notDeepEqual(Array.from(train1.dataSync()), Array.from(train2.dataSync()));
  tf.dispose([a, b, train1, train2]);
  const start = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) tf.dispose(layer.apply(x, { training: true }) as tf.Tensor);
  for (let i = 0; i < 3; i++) tf.dispose(model.predict(x) as tf.Tensor);
  assert.ok(tf.memory().numTensors <= start, `${tf.memory().numTensors - start} tensors leaked`);
  model.dispose();
  x.dispose();
});
