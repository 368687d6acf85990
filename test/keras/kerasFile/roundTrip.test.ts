/**
 * `.keras` and `.weights.h5` written here: bit-exact round trips for every supported layer in
 * Sequential and Functional models, the compile settings restored, and the written files checked
 * by an independent reader (h5py, test/keras/check_keras_file.py).
 */
import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import { unzipSync } from "fflate";
import * as keras from "../../../src/keras";
import { summaryText } from "../../../src/keras/engine/summary";
import { tempDir, testPython } from "../../helpers";
import { backendReady, matrix } from "../setup";

const { Sequential, Input, Model } = keras;
const L = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

const bits = (ts: tf.Tensor[]) =>
  ts.map((t) => Buffer.from((t.dataSync() as Float32Array).buffer).toString("hex"));

/** Runs the h5py checker on `file`; returns its JSON report. */
function pythonCheck(file: string, config?: string) {
  const script = path.resolve(__dirname, "../../../../test/keras/check_keras_file.py");
  const args = [script, file, ...(config ? ["--config", config] : [])];
  const r = spawnSync(testPython(), args, { encoding: "utf8" });
  assert.ok(r.stdout, `checker printed nothing: ${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) as CheckReport };
}
interface CheckReport {
  ok: boolean;
  errors: string[];
  members: string[];
  datasets: Record<string, number[]>;
  expected: Record<string, number[]>;
}

function maxDiff(a: tf.Tensor[], b: tf.Tensor[]): number {
  let m = 0;
  a.forEach((t, i) => {
    const p = t.dataSync();
    const q = b[i].dataSync();
    p.forEach((v, j) => (m = Math.max(m, Math.abs(v - q[j]))));
  });
  return m;
}

/** The report's datasets under layers/ (the optimizer's are checked separately). */
function layerDatasets(report: CheckReport): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(report.datasets).filter(([k]) => k.startsWith("layers/")),
  );
}

function everyLayerModel() {
  return Sequential([
    Input({ shape: [7, 4] }),
    L.LSTM(5, { returnSequences: true }),
    L.GRU(3, { returnSequences: true }),
    L.GRU(3, { resetAfter: false, returnSequences: true }),
    L.SimpleRNN(2, { returnSequences: true }),
    L.Flatten(),
    L.Dense(6, { activation: "relu", kernelRegularizer: "l2" }),
    L.BatchNormalization(),
    L.Dropout(0.2),
    L.Activation("leaky_relu"),
    L.BatchNormalization({ center: false, epsilon: 0.01 }),
    L.Dense(1),
  ]);
}

test("Sequential with every supported layer: .keras round trip is bit-exact, compile restored", async () => {
  const model = everyLayerModel();
  model.compile({
    optimizer: keras.optimizers.SGD({ learningRate: 0.05, momentum: 0.9 }),
    loss: "mse",
    metrics: ["mae", "r2_score"],
  });
  const x = tf.tensor3d(
    matrix(12, 28, 3).map((r) => Array.from({ length: 7 }, (_, t) => r.slice(t * 4, t * 4 + 4))),
  );
  const y = tf.tensor2d(matrix(12, 1, 5));
  await model.fit(x, y, { epochs: 2, verbose: 0 });
  const file = path.join(tempDir("keras-rt"), "models", "all.keras");
  await model.save(file);
  const again = await keras.models.loadModel(file);
  assert.deepEqual(bits(again.getWeights()), bits(model.getWeights()));
  assert.deepEqual(
    again.tfModel.layers.map((l) => `${l.name}:${l.getClassName()}`),
    model.tfModel.layers.map((l) => `${l.name}:${l.getClassName()}`),
  );
  const p1 = model.predict(x, { verbose: 0 }) as tf.Tensor;
  const p2 = again.predict(x, { verbose: 0 }) as tf.Tensor;
  assert.deepEqual(Array.from(p2.dataSync()), Array.from(p1.dataSync()));
  const c = again.compileConfig;
  assert.equal(c?.loss, "mse");
  assert.deepEqual(c?.metrics, ["mae", "r2_score"]);
  assert.deepEqual(keras.optimizers.optimizerConfig(c!.optimizer), {
    name: "sgd",
    config: { learningRate: 0.05, momentum: 0.9, nesterov: false },
  });
  // Training continues from the loaded weights.
  const h = await again.fit(x, y, { epochs: 1, verbose: 0 });
  assert.ok(Number.isFinite(h.history.loss[0]));

  const { status, report } = pythonCheck(file);
  assert.deepEqual(report.errors, []);
  assert.equal(status, 0);
  assert.deepEqual(report.members, ["metadata.json", "config.json", "model.weights.h5"]);
  assert.deepEqual(layerDatasets(report), report.expected);
  assert.deepEqual(report.datasets["layers/gru/cell/vars/2"], [2, 9], "reset_after bias (2, 3u)");
  assert.deepEqual(report.datasets["layers/gru_1/cell/vars/2"], [9]);
  assert.deepEqual(report.datasets["layers/lstm/cell/vars/0"], [4, 20]);
  assert.equal(report.datasets["layers/batch_normalization_1/vars/3"], undefined, "no beta");
  tf.dispose([x, y, p1, p2]);
});

test("Functional two-input model: round trip, summary connections, weights file on its own", async () => {
  const a = Input({ shape: [3], name: "a" });
  const b = Input({ shape: [2], name: "b" });
  const h = L.Dense(4, { activation: "relu" }).apply(a) as tf.SymbolicTensor;
  const out = L.Dense(1).apply(L.concatenate([h, b])) as tf.SymbolicTensor;
  const model = Model({ inputs: [a, b], outputs: out });
  model.compile({ optimizer: keras.optimizers.Adam({ learningRate: 0.01 }), loss: "mse" });
  const dir = tempDir("keras-fn");
  const file = path.join(dir, "two.keras");
  await model.save(file);
  const again = await keras.models.loadModel(file);
  const xa = tf.tensor2d(matrix(5, 3, 8));
  const xb = tf.tensor2d(matrix(5, 2, 9));
  const p1 = model.predict([xa, xb], { verbose: 0 }) as tf.Tensor;
  const p2 = again.predict([xa, xb], { verbose: 0 }) as tf.Tensor;
  assert.deepEqual(Array.from(p2.dataSync()), Array.from(p1.dataSync()));
  assert.equal(summaryText(again), summaryText(model));
  const { report } = pythonCheck(file);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(Object.keys(layerDatasets(report)).sort(), [
    "layers/dense/vars/0",
    "layers/dense/vars/1",
    "layers/dense_1/vars/0",
    "layers/dense_1/vars/1",
  ]);

  // saveWeights / loadWeights with Keras 3's .weights.h5: same layout, weights restored.
  const weights = path.join(dir, "two.weights.h5");
  await model.saveWeights(weights);
  const other = await keras.models.loadModel(file);
  other.setWeights(other.getWeights().map((w) => tf.zerosLike(w)));
  await other.loadWeights(weights);
  assert.deepEqual(bits(other.getWeights()), bits(model.getWeights()));
  fs.mkdirSync(path.join(dir, "unzipped"));
  const config = path.join(dir, "unzipped", "config.json");
  fs.writeFileSync(
    config,
    Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(file)))["config.json"]),
  );
  const w = pythonCheck(weights, config);
  assert.deepEqual(w.report.errors, []);
  assert.deepEqual(w.report.datasets, report.datasets, "the same layers and optimizer state");
  tf.dispose([xa, xb, p1, p2]);
});

test("ModelCheckpoint writes .keras files by epoch and .weights.h5 with saveWeightsOnly", async () => {
  const model = Sequential([Input({ shape: [4] }), L.Dense(3, { activation: "relu" }), L.Dense(1)]);
  model.compile({ optimizer: "adam", loss: "mse" });
  const x = matrix(30, 4, 11);
  const y = x.map((r) => [r[0] - r[1]]);
  const dir = tempDir("keras-ckpt");
  await model.fit(x, y, {
    epochs: 3,
    verbose: 0,
    validationSplit: 0.2,
    callbacks: [
      keras.callbacks.ModelCheckpoint(path.join(dir, "{epoch:02d}.keras")),
      keras.callbacks.ModelCheckpoint(path.join(dir, "best.weights.h5"), {
        saveWeightsOnly: true,
        saveBestOnly: true,
      }),
    ],
  });
  assert.deepEqual(fs.readdirSync(dir).sort(), [
    "01.keras",
    "02.keras",
    "03.keras",
    "best.weights.h5",
  ]);
  const last = await keras.models.loadModel(path.join(dir, "03.keras"));
  assert.deepEqual(bits(last.getWeights()), bits(model.getWeights()));
  await last.loadWeights(path.join(dir, "best.weights.h5"));
  assert.equal(last.getWeights().length, 4);
});

test("optimizer state travels: fit after loadModel continues exactly as without saving", async () => {
  const x = matrix(24, 4, 21);
  const y = x.map((r) => [r[0] * 0.5 - r[2]]);
  const optimizers = {
    adam: () => keras.optimizers.Adam({ learningRate: 0.01 }),
    sgd: () => keras.optimizers.SGD({ learningRate: 0.05, momentum: 0.9 }),
    rmsprop: () => keras.optimizers.RMSprop({ learningRate: 0.01, momentum: 0.5 }),
    adagrad: () => keras.optimizers.Adagrad({ learningRate: 0.05 }),
  };
  const dir = tempDir("keras-opt");
  for (const [name, make] of Object.entries(optimizers)) {
    const model = Sequential([
      Input({ shape: [4] }),
      L.Dense(5, { activation: "tanh" }),
      L.Dense(1),
    ]);
    model.compile({ optimizer: make(), loss: "mse" });
    await model.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 });
    const file = path.join(dir, `${name}.keras`);
    await model.save(file);
    const again = await keras.models.loadModel(file);
    const fresh = await keras.models.loadModel(file);
    fresh.compile({ optimizer: make(), loss: "mse" }); // same weights, new optimizer state
    for (const m of [model, again, fresh])
      await m.fit(x, y, { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 });
    if (name === "sgd") {
      // Keras keeps SGD's momentum as −lr × tfjs's accumulation: one rounding each way.
      const diff = maxDiff(again.getWeights(), model.getWeights());
      assert.ok(diff < 1e-6, `sgd: resumed state, max |diff| ${diff}`);
    } else {
      assert.deepEqual(
        bits(again.getWeights()),
        bits(model.getWeights()),
        `${name}: resumed state`,
      );
    }
    assert.notDeepEqual(
      bits(fresh.getWeights()),
      bits(model.getWeights()),
      `${name}: state matters`,
    );
    const { report } = pythonCheck(file);
    assert.deepEqual(report.errors, []);
    const opt = Object.keys(report.datasets).filter((k) => k.startsWith("optimizer/"));
    const perVariable = { adam: 2, sgd: 1, rmsprop: 2, adagrad: 1 }[name] as number;
    assert.equal(opt.length, 2 + perVariable * 4, `${name}: iterations, learning_rate, slots`);
    assert.deepEqual(report.datasets["optimizer/vars/0"], []);
    assert.deepEqual(report.datasets["optimizer/vars/2"], [4, 5]);
  }
});
