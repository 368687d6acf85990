import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { tempDir } from "../helpers";
import { backendReady, matrix } from "./setup";

const { Sequential, Input, Model } = keras;
const { Dense, Dropout, concatenate } = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

const X = matrix(40, 4, 7);
const Y = X.map((r) => (r[0] > 0 ? 1 : 0));

async function trained(): Promise<keras.SequentialModel> {
  const model = Sequential([
    Input({ shape: [4] }),
    Dense(8, { activation: "leaky_relu", kernelRegularizer: "l2" }),
    Dropout(0.2),
    Dense(1, { activation: "sigmoid" }),
  ]);
  model.compile({
    optimizer: keras.optimizers.Adam({ learningRate: 0.02 }),
    loss: "binary_crossentropy",
    metrics: ["accuracy", "auc"],
  });
  await model.fit(X, Y, { epochs: 2, verbose: 0 });
  return model;
}

const bytesOf = (ts: tf.Tensor[]) =>
  ts.map((t) => Buffer.from((t.dataSync() as Float32Array).buffer).toString("hex"));

test("save / loadModel round trip: weights bit-exact, same predictions, compile config restored", async () => {
  const model = await trained();
  const dir = path.join(tempDir("keras-save"), "models", "clf");
  await model.save(dir);
  assert.deepEqual(fs.readdirSync(dir).sort(), ["model.json", "weights.bin"]);
  const loaded = await keras.models.loadModel(dir);
  assert.ok(loaded instanceof keras.SequentialModel);
  assert.equal(loaded.name, model.name);
  assert.deepEqual(bytesOf(loaded.getWeights()), bytesOf(model.getWeights()));
  const [a, b] = [model.predict(X), loaded.predict(X)];
  assert.deepEqual(Array.from(b.dataSync()), Array.from(a.dataSync()));
  tf.dispose([a, b]);
  const c = loaded.compileConfig!;
  assert.equal(c.optimizer.getClassName(), "Adam");
  assert.equal((c.optimizer.getConfig() as Record<string, number>).learningRate, 0.02);
  assert.equal(c.loss, "binary_crossentropy");
  assert.deepEqual(c.metrics, ["accuracy", "auc"]);
  assert.deepEqual(
    loaded.evaluate(X, Y),
    model.evaluate(X, Y),
    "same loss (penalty included) and metrics",
  );
  const h = await loaded.fit(X, Y, { epochs: 1, verbose: 0 });
  assert.deepEqual(Object.keys(h.history), ["accuracy", "auc", "loss"]);
});

test("a functional model round-trips too", async () => {
  const a = Input({ shape: [2] });
  const b = Input({ shape: [2] });
  const model = Model({
    inputs: [a, b],
    outputs: Dense(1).apply(concatenate([a, b])) as tf.SymbolicTensor,
  });
  const dir = path.join(tempDir("keras-save"), "f");
  await model.save(dir);
  const loaded = await keras.models.loadModel(dir);
  assert.ok(loaded instanceof keras.FunctionalModel);
  assert.equal(loaded.compileConfig, null);
  assert.deepEqual(bytesOf(loaded.getWeights()), bytesOf(model.getWeights()));
});

test("saveWeights / loadWeights by weight order", async () => {
  const model = await trained();
  const dir = path.join(tempDir("keras-save"), "w");
  await model.saveWeights(dir);
  assert.deepEqual(fs.readdirSync(dir).sort(), ["weights.bin", "weights.json"]);
  const other = Sequential([Input({ shape: [4] }), Dense(8), Dropout(0.2), Dense(1)]);
  await other.loadWeights(dir);
  assert.deepEqual(bytesOf(other.getWeights()), bytesOf(model.getWeights()));
  const wrong = Sequential([Input({ shape: [3] }), Dense(8), Dense(1)]);
  await assert.rejects(
    wrong.loadWeights(dir),
    /loadWeights: weight 0 \(dense\/kernel\) has shape \[4, 8\] but the model's dense_\d+\/kernel has \[3, 8\]/,
  );
});

test("suffixes pick the format; legacy .h5 and crossed suffixes get errors naming the right path", async () => {
  const model = await trained();
  await assert.rejects(model.save("m.h5"), {
    message:
      'save: the legacy HDF5 model format (.h5) is not supported; use the Keras 3 format "m.keras" ' +
      '(in Python: model.save("m.keras"))',
  });
  await assert.rejects(
    keras.models.loadModel("file://m.hdf5"),
    /use the Keras 3 format "m\.keras"/,
  );
  await assert.rejects(model.save("w.weights.h5"), {
    message:
      'save: "w.weights.h5" is a weights file; model.save takes a .keras file such as "w.keras" ' +
      '(or use model.saveWeights("w.weights.h5"))',
  });
  await assert.rejects(model.saveWeights("m.keras"), {
    message:
      'saveWeights: a .keras file holds a whole model; use model.saveWeights("m.weights.h5") for ' +
      'weights, or model.save("m.keras")',
  });
  await assert.rejects(model.saveWeights("w.h5"), {
    message: 'saveWeights: weights files end in .weights.h5 (as in Keras 3); use "w.weights.h5"',
  });
  await assert.rejects(
    model.loadWeights("m.keras"),
    /loadWeights: a \.keras file holds a whole model/,
  );
});

test("missing model.json and truncated weights get clear errors", async () => {
  const model = await trained();
  const root = tempDir("keras-load");
  await assert.rejects(
    keras.models.loadModel(path.join(root, "nothing")),
    /loadModel: .*nothing is not a folder \(nothing saved there\)/,
  );
  fs.mkdirSync(path.join(root, "empty"));
  await assert.rejects(
    keras.models.loadModel(path.join(root, "empty")),
    /^ValueError: loadModel: .*empty is not a saved model \(model\.json missing\)$/,
  );
  const dir = path.join(root, "cut");
  await model.save(dir);
  const bin = path.join(dir, "weights.bin");
  const full = fs.statSync(bin).size;
  fs.truncateSync(bin, full - 10);
  await assert.rejects(
    keras.models.loadModel(dir),
    new RegExp(
      `loadModel: .*weights\\.bin is truncated \\(${(full - 10).toLocaleString("en-US")} bytes; the manifest expects ${full.toLocaleString("en-US")}\\)`,
    ),
  );
});

test("a failed save leaves the previous files intact", async (t) => {
  const model = await trained();
  const dir = path.join(tempDir("keras-atomic"), "m");
  await model.save(dir);
  const before = {
    json: fs.readFileSync(path.join(dir, "model.json"), "utf8"),
    bin: fs.readFileSync(path.join(dir, "weights.bin")),
  };
  await model.fit(X, Y, { epochs: 1, verbose: 0 });
  // The disk fills up while the new files are flushed.
  t.mock.method(fs, "fsyncSync", () => {
    throw new Error("disk full");
  });
  await assert.rejects(model.save(dir), /disk full/);
  t.mock.restoreAll();
  assert.equal(fs.readFileSync(path.join(dir, "model.json"), "utf8"), before.json);
  assert.ok(fs.readFileSync(path.join(dir, "weights.bin")).equals(before.bin));
  assert.deepEqual(fs.readdirSync(path.dirname(dir)), ["m"], "no temporary folder left behind");
  fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
  await assert.rejects(
    model.save(dir),
    /save: .*m holds other files \(notes\.txt\); choose a new or empty folder/,
  );
});

test("file:// paths: model.save / loadModel strip the scheme (no ./file: folder)", async (t) => {
  const model = await trained();
  const root = tempDir("keras-file-url");
  const cwd = process.cwd();
  process.chdir(root);
  t.after(() => process.chdir(cwd));
  const dir = path.join(root, "m");
  await model.save(`file://${dir}`);
  assert.deepEqual(fs.readdirSync(dir).sort(), ["model.json", "weights.bin"]);
  assert.ok(!fs.existsSync(path.join(root, "file:")), "nothing written under ./file:");
  await model.save("file://rel/m");
  assert.ok(fs.existsSync(path.join(root, "rel", "m", "model.json")), "file://rel/m is ./rel/m");
  for (const p of [`file://${dir}`, path.join(dir, "model.json"), `file://${dir}/model.json`]) {
    const loaded = await keras.models.loadModel(p);
    assert.deepEqual(bytesOf(loaded.getWeights()), bytesOf(model.getWeights()), p);
    assert.deepEqual(loaded.compileConfig?.metrics, ["accuracy", "auc"]);
  }
  await model.saveWeights(`file://${root}/w`);
  await model.loadWeights(`file://${root}/w`);
});

test("tfjs's own save / loadLayersModel work with file:// (our router, without tfjs-node)", async () => {
  const model = await trained();
  const root = tempDir("keras-router");
  const dir = path.join(root, "tfjs");
  const result = await model.tfModel.save(`file://${dir}`);
  assert.equal(result.modelArtifactsInfo.modelTopologyType, "JSON");
  assert.deepEqual(fs.readdirSync(dir).sort(), ["model.json", "weights.bin"]);
  const again = await tf.loadLayersModel(`file://${dir}/model.json`);
  assert.deepEqual(bytesOf(again.getWeights()), bytesOf(model.getWeights()));
  const [a, b] = [model.predict(X), again.predict(tf.tensor(X)) as tf.Tensor];
  assert.deepEqual(Array.from(b.dataSync()), Array.from(a.dataSync()));
  tf.dispose([a, b]);
  again.dispose();
  // Both directions between the two APIs: a folder from model.save loads in tfjs, and back.
  const ours = path.join(root, "ours");
  await model.save(ours);
  const viaTf = await tf.loadLayersModel(`file://${ours}`);
  assert.deepEqual(bytesOf(viaTf.getWeights()), bytesOf(model.getWeights()));
  viaTf.dispose();
  const viaKeras = await keras.models.loadModel(dir);
  assert.deepEqual(bytesOf(viaKeras.getWeights()), bytesOf(model.getWeights()));
  assert.equal(tf.io.getSaveHandlers(`file://${dir}`).length, 1);
  await assert.rejects(
    tf.loadLayersModel(`file://${root}/missing/model.json`),
    /tf\.loadLayersModel: .*missing\/model\.json does not exist/,
  );
});
