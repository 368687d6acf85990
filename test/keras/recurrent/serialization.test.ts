import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { GRU, LSTM, ResetAfterGRU, SimpleRNN } from "../../../src/keras/layers/recurrent";
import { backendReady } from "./helpers";

before(backendReady);

/** Saves through tf.io.withSaveHandler and loads the artifacts back with tf.loadLayersModel. */
async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  assert.ok(saved);
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}

async function assertSamePredictions(layer: tf.layers.Layer): Promise<tf.LayersModel> {
  const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: 2 })] });
  const loaded = await roundTrip(model);
  const x = tf.randomNormal([3, 5, 4], 0, 1, "float32", 3);
  const want = model.predict(x) as tf.Tensor;
  const got = loaded.predict(x) as tf.Tensor;
  assert.deepEqual(Array.from(got.dataSync()), Array.from(want.dataSync()));
  assert.deepEqual(
    loaded.getWeights().map((w) => w.shape),
    model.getWeights().map((w) => w.shape),
  );
  tf.dispose([x, want, got]);
  model.dispose();
  return loaded;
}

test("GRU (reset_after) saves and loads back as a GRU with resetAfter and a [2, 3·units] bias", async () => {
  const loaded = await assertSamePredictions(
    GRU(6, { inputShape: [5, 4], returnSequences: false }),
  );
  const layer = loaded.layers[0];
  assert.ok(layer instanceof ResetAfterGRU);
  assert.equal(layer.getClassName(), "GRU");
  assert.equal(layer.getConfig().resetAfter, true);
  assert.equal(layer.getConfig().recurrentActivation, "sigmoid");
  assert.deepEqual(layer.getWeights()[2].shape, [2, 18]);
  loaded.dispose();
});

test("GRU (reset_after=False) reloads as tfjs's own GRU", async () => {
  const loaded = await assertSamePredictions(GRU(6, { inputShape: [5, 4], resetAfter: false }));
  const layer = loaded.layers[0];
  assert.ok(!(layer instanceof ResetAfterGRU));
  assert.equal(layer.getClassName(), "GRU");
  assert.deepEqual(layer.getWeights()[2].shape, [18]);
  loaded.dispose();
});

test("LSTM and SimpleRNN keep their Keras options through save and load", async () => {
  const lstm = await assertSamePredictions(
    LSTM(6, { inputShape: [5, 4], recurrentActivation: "hard_sigmoid", returnSequences: true }),
  );
  assert.equal(lstm.layers[0].getConfig().recurrentActivation, "kerasHardSigmoid");
  assert.equal(lstm.layers[0].getConfig().returnSequences, true);
  lstm.dispose();
  const rnn = await assertSamePredictions(SimpleRNN(6, { inputShape: [5, 4], goBackwards: true }));
  assert.equal(rnn.layers[0].getConfig().goBackwards, true);
  rnn.dispose();
});

test("a GRU with returnState works in the functional API (tf.model)", async () => {
  const input = tf.input({ shape: [5, 4] });
  const [seq, state] = GRU(3, { returnSequences: true, returnState: true }).apply(
    input,
  ) as tf.SymbolicTensor[];
  assert.deepEqual(seq.shape, [null, 5, 3]);
  assert.deepEqual(state.shape, [null, 3]);
  const model = tf.model({ inputs: input, outputs: [seq, state] });
  const loaded = await roundTrip(model);
  const x = tf.randomNormal([2, 5, 4], 0, 1, "float32", 5);
  const [a, b] = loaded.predict(x) as tf.Tensor[];
  const [c, d] = model.predict(x) as tf.Tensor[];
  assert.deepEqual(Array.from(a.dataSync()), Array.from(c.dataSync()));
  assert.deepEqual(Array.from(b.dataSync()), Array.from(d.dataSync()));
  tf.dispose([x, a, b, c, d]);
  model.dispose();
  loaded.dispose();
});
