/**
 * `.keras` files laid out as Python Keras 3 writes them (test/fixtures/keras, made by
 * make_keras_fixtures.py with h5py, independently of this code) load, predict what the
 * fixtures' numpy forward pass computed, keep their compile settings, and train on.
 */
import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import { unzipSync } from "fflate";
import * as keras from "../../../src/keras";
import { stepsOf } from "../../../src/keras/optimizers/steps";
import { readH5 } from "../../../src/keras/saving/kerasFile/h5";
import { tempDir } from "../../helpers";
import { backendReady, fixturePath } from "../setup";

before(backendReady);
beforeEach(() => keras.backend.clearSession());

interface Expected {
  input: number[][] | number[][][] | [number[][], number[][]];
  output: number[][];
}

function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(fixturePath(`${name}.expected.json`), "utf8")) as Expected;
}

const CASES: Record<
  string,
  { inputs: number; loss: string; metrics: string[]; optimizer: string; layers: string[] }
> = {
  mlp_bn: {
    inputs: 1,
    loss: "categorical_crossentropy",
    metrics: ["accuracy"],
    optimizer: "adam",
    layers: [
      "dense_6",
      "batch_normalization_4",
      "dropout_2",
      "dense_7",
      "batch_normalization_5",
      "dense_8",
    ],
  },
  rnn_stack: {
    inputs: 1,
    loss: "mse",
    metrics: ["mae"],
    optimizer: "rmsprop",
    layers: ["lstm_3", "gru_2", "simple_rnn_1", "flatten_4", "dense_9"],
  },
  gru_classic: {
    inputs: 1,
    loss: "binary_crossentropy",
    metrics: [],
    optimizer: "sgd",
    layers: ["gru_5", "dense_10"],
  },
  two_inputs: {
    inputs: 2,
    loss: "mse",
    metrics: ["mae"],
    optimizer: "adam",
    layers: ["input_a", "dense_11", "input_b", "concatenate_2", "dense_12"],
  },
};

for (const [name, want] of Object.entries(CASES)) {
  test(`${name}.keras (Keras 3 layout): predictions match the numpy reference within 1e-5`, async () => {
    const model = await keras.models.loadModel(fixturePath(`${name}.keras`));
    assert.deepEqual(
      model.tfModel.layers.map((l) => l.name),
      want.layers,
      "layer names come from config.json",
    );
    const ref = expected(name);
    const x =
      want.inputs === 2
        ? (ref.input as number[][][]).map((v) => tf.tensor2d(v))
        : tf.tensor(ref.input as number[][]);
    const y = model.predict(x, { verbose: 0 }) as tf.Tensor;
    const got = y.arraySync() as number[][];
    assert.deepEqual(y.shape, [ref.output.length, ref.output[0].length]);
    let maxDiff = 0;
    got.forEach((row, i) =>
      row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - ref.output[i][j])))),
    );
    assert.ok(maxDiff < 1e-5, `max |diff| ${maxDiff}`);
    const c = model.compileConfig;
    assert.equal(c?.loss, want.loss);
    assert.deepEqual(c?.metrics, want.metrics);
    assert.equal(keras.optimizers.optimizerConfig(c!.optimizer).name, want.optimizer);
    // A loaded Python model trains on in TypeScript.
    const target = tf.zerosLike(y);
    const h = await model.fit(x, target, { epochs: 1, verbose: 0 });
    assert.ok(Number.isFinite(h.history.loss[0]));
    tf.dispose([x, y, target].flat());
  });
}

test("an unsupported layer in a Python file is refused by name, with the supported list", async () => {
  const before = tf.memory().numTensors;
  await assert.rejects(keras.models.loadModel(fixturePath("unsupported_conv.keras")), {
    name: "ValueError",
    message:
      'loadModel: layer "conv1d_1" of class Conv1D is not supported in .keras files; supported ' +
      "layers: InputLayer, Dense, Dropout, Flatten, Activation, BatchNormalization, SimpleRNN, " +
      "LSTM, GRU, Concatenate",
  });
  assert.equal(tf.memory().numTensors, before);
});

test("the optimizer state of a Python file is restored (Adam: step count, moments in Keras order)", async () => {
  const file = fixturePath("mlp_bn.keras");
  const model = await keras.models.loadModel(file);
  const opt = model.compileConfig!.optimizer;
  const dir = tempDir("keras-optstate");
  const h5 = path.join(dir, "w.h5");
  fs.writeFileSync(h5, unzipSync(new Uint8Array(fs.readFileSync(file)))["model.weights.h5"]);
  const store = await readH5("test", h5);
  assert.equal(stepsOf(opt), Number(store.get("optimizer/vars/0")!.data[0]));
  const weights = await opt.getWeights(); // tfjs order: iter, every m, then every v
  const n = model.tfModel.trainableWeights.length;
  for (const i of [0, 3, n - 1]) {
    const m = Array.from(weights[1 + i].tensor.dataSync());
    const v = Array.from(weights[1 + n + i].tensor.dataSync());
    assert.deepEqual(m, Array.from(store.get(`optimizer/vars/${2 + 2 * i}`)!.data as Float32Array));
    assert.deepEqual(v, Array.from(store.get(`optimizer/vars/${3 + 2 * i}`)!.data as Float32Array));
  }
});
