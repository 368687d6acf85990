import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../../src/keras";
import { GRU, LSTM, SimpleRNN } from "../../../src/keras/layers/recurrent";
import { summaryText } from "../../../src/keras/engine/summary";
import { backendReady, kerasParams } from "./helpers";

const { Sequential, Input } = keras;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

test("parameter counts are Keras's: SimpleRNN(16), LSTM, GRU reset_after and GRU(32) on 8 = 4,032", () => {
  const cases: [tf.layers.Layer, number, number][] = [
    [SimpleRNN(16), 4, kerasParams.simpleRnn(4, 16)],
    [LSTM(7), 5, kerasParams.lstm(5, 7)],
    [GRU(6), 4, kerasParams.gru(4, 6)],
    [GRU(32), 8, 4032],
    [GRU(6, { resetAfter: false }), 4, kerasParams.gruResetBefore(4, 6)],
    [LSTM(3, { useBias: false }), 2, 4 * (2 * 3 + 3 * 3)],
    [GRU(3, { useBias: false }), 2, 3 * (2 * 3 + 3 * 3)],
  ];
  assert.equal(kerasParams.simpleRnn(4, 16), 4 * 16 + 16 * 16 + 16);
  assert.equal(kerasParams.gru(8, 32), 4032);
  for (const [layer, features, want] of cases) {
    const model = Sequential([Input({ shape: [5, features] }), layer]);
    assert.equal(model.countParams(), want, layer.name);
  }
});

test("default names and summary rows read like Keras: lstm (LSTM), gru (GRU), simple_rnn (SimpleRNN)", () => {
  const model = Sequential([
    Input({ shape: [10, 8] }),
    SimpleRNN(4, { returnSequences: true }),
    LSTM(8, { returnSequences: true }),
    LSTM(8, { returnSequences: true }),
    GRU(32),
  ]);
  assert.deepEqual(
    model.layers.map((l) => l.name),
    ["simple_rnn", "lstm", "lstm_1", "gru"],
  );
  const text = summaryText(model);
  assert.match(text, /│ simple_rnn \(SimpleRNN\) +│ \(None, 10, 4\) +│ +52 │/);
  assert.match(text, /│ lstm_1 \(LSTM\) +│ \(None, 10, 8\) +│ +544 │/);
  assert.match(text, /│ gru \(GRU\) +│ \(None, 32\) +│ +4,032 │/);
});

test("output shapes: returnSequences, returnState and goBackwards", () => {
  const x = tf.randomNormal([2, 5, 3]);
  const shape = (layer: tf.layers.Layer) => {
    const out = layer.apply(x) as tf.Tensor | tf.Tensor[];
    const shapes = Array.isArray(out) ? out.map((t) => t.shape) : out.shape;
    tf.dispose(out);
    return shapes;
  };
  assert.deepEqual(shape(SimpleRNN(4)), [2, 4]);
  assert.deepEqual(shape(SimpleRNN(4, { returnSequences: true })), [2, 5, 4]);
  assert.deepEqual(shape(LSTM(4, { returnState: true })), [
    [2, 4],
    [2, 4],
    [2, 4],
  ]);
  assert.deepEqual(shape(GRU(4, { returnSequences: true, returnState: true })), [
    [2, 5, 4],
    [2, 4],
  ]);
  assert.deepEqual(shape(GRU(4, { goBackwards: true })), [2, 4]);
  x.dispose();
});

test("the first layer's inputShape works without Input, in tf.sequential too", () => {
  const model = tf.sequential({
    layers: [GRU(3, { inputShape: [4, 2] }), tf.layers.dense({ units: 1 })],
  });
  assert.deepEqual(model.outputs[0].shape, [null, 1]);
  assert.equal(model.countParams(), kerasParams.gru(2, 3) + 4);
  const k = Sequential([LSTM(2, { inputShape: [null, 3] })]);
  assert.equal(k.countParams(), kerasParams.lstm(3, 2));
  model.dispose();
});

test("default initialisers: glorot_uniform kernel, orthogonal recurrent kernel, LSTM forget bias 1", () => {
  const model = Sequential([Input({ shape: [3, 20] }), LSTM(10, { biasInitializer: "zeros" })]);
  const [kernel, recurrent, bias] = model.layers[0].getWeights();
  const limit = Math.sqrt(6 / (20 + 40));
  const k = Array.from(kernel.dataSync());
  assert.ok(Math.max(...k.map(Math.abs)) <= limit + 1e-7, "kernel within the glorot_uniform limit");
  assert.ok(Math.max(...k.map(Math.abs)) > 0.7 * limit, "kernel uses the whole uniform range");
  // recurrent [10, 40]: orthogonal rows, U·Uᵀ = I.
  const uut = tf.matMul(recurrent, recurrent, false, true);
  const diff = tf.max(tf.abs(tf.sub(uut, tf.eye(10)))).dataSync()[0];
  assert.ok(diff < 1e-4, `U·Uᵀ differs from I by ${diff}`);
  const b = Array.from(bias.dataSync());
  assert.deepEqual(b.slice(10, 20), Array(10).fill(1), "forget gate slice is 1");
  assert.deepEqual([...b.slice(0, 10), ...b.slice(20)], Array(30).fill(0));
  const noForget = Sequential([Input({ shape: [3, 2] }), LSTM(2, { unitForgetBias: false })]);
  assert.deepEqual(Array.from(noForget.layers[0].getWeights()[2].dataSync()), Array(8).fill(0));
  const gru = Sequential([Input({ shape: [3, 2] }), GRU(2)]);
  assert.deepEqual(gru.layers[0].getWeights()[2].shape, [2, 6]);
  const config = model.layers[0].getConfig();
  // tfjs serialises glorot_uniform as its VarianceScaling form.
  assert.deepEqual((config.kernelInitializer as { config: object }).config, {
    scale: 1,
    mode: "fanAvg",
    distribution: "uniform",
    seed: null,
  });
  assert.equal((config.recurrentInitializer as { className: string }).className, "Orthogonal");
  assert.equal(config.recurrentActivation as unknown as string, "sigmoid");
  assert.equal(config.unitForgetBias, true);
  tf.dispose([uut]);
});

test("Keras names for initializers, activations and regularizers are accepted", () => {
  const layer = LSTM(4, {
    kernelInitializer: "he_normal",
    recurrentInitializer: "glorot_normal",
    activation: "relu",
    recurrentActivation: "hard_sigmoid",
    kernelRegularizer: "l2",
    recurrentRegularizer: tf.regularizers.l1({ l1: 0.5 }),
    biasRegularizer: "l1",
  });
  const config = layer.getConfig();
  assert.deepEqual((config.kernelInitializer as { config: object }).config, {
    scale: 2,
    mode: "fanIn",
    distribution: "normal",
    seed: null,
  });
  assert.equal(config.activation, "relu");
  assert.equal(config.recurrentActivation, "kerasHardSigmoid");
  assert.deepEqual((config.kernelRegularizer as { config: object }).config, { l1: 0, l2: 0.01 });
  assert.deepEqual((config.biasRegularizer as { config: object }).config, { l1: 0.01, l2: 0 });
  assert.equal(GRU(2, { activation: null }).getConfig().activation, "linear");
});

test("no tfjs 'Slowness may result' warning for a large orthogonal recurrent kernel", () => {
  const warn = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => void seen.push(args.join(" "));
  try {
    Sequential([Input({ shape: [5, 3] }), LSTM(50)]);
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(seen, []);
});

test("a stateful GRU (reset_after) carries its state between batches until resetStates", () => {
  const layer = GRU(3, { stateful: true, batchInputShape: [2, 4, 3] });
  const model = tf.sequential({ layers: [layer] });
  const x = tf.randomNormal([2, 4, 3], 0, 1, "float32", 11);
  const first = model.predict(x) as tf.Tensor;
  const second = model.predict(x) as tf.Tensor;
  assert.notDeepEqual(Array.from(second.dataSync()), Array.from(first.dataSync()));
  model.resetStates();
  const again = model.predict(x) as tf.Tensor;
  assert.deepEqual(Array.from(again.dataSync()), Array.from(first.dataSync()));
  tf.dispose([x, first, second, again]);
  model.dispose();
});
