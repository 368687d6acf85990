/**
 * `.keras` / `.weights.h5` failures: each gets a ValueError saying what is wrong, nothing is
 * half-loaded (no model returned, no tensor leaked, weights of the target model untouched) and a
 * failed save keeps the previous file.
 */
import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import { unzipSync } from "fflate";
import * as keras from "../../../src/keras";
import { zipMembers } from "../../../src/keras/saving/kerasFile/zip";
import { tempDir } from "../../helpers";
import { backendReady, matrix } from "../setup";

const { Sequential, Input } = keras;
const L = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

function small(units = 3) {
  const m = Sequential([Input({ shape: [4] }), L.Dense(units, { activation: "relu" }), L.Dense(1)]);
  m.compile({ optimizer: "adam", loss: "mse" });
  return m;
}

const members = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const bits = (ts: tf.Tensor[]) =>
  ts.map((t) => Buffer.from((t.dataSync() as Float32Array).buffer).toString("hex"));

test("damaged files: not a zip, truncated zip, missing member, bad JSON, bad HDF5", async () => {
  const dir = tempDir("keras-bad");
  const good = path.join(dir, "good.keras");
  await small().save(good);
  const parts = members(good);
  const write = (name: string, data: Uint8Array | string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  };
  const before = tf.memory().numTensors;

  await assert.rejects(keras.models.loadModel(path.join(dir, "none.keras")), {
    name: "ValueError",
    message: `loadModel: ${path.join(dir, "none.keras")} does not exist (no .keras file there)`,
  });
  const text = write("text.keras", "hello");
  await assert.rejects(keras.models.loadModel(text), {
    message: `loadModel: ${text} is not a .keras file (not a zip archive; 5 bytes)`,
  });
  const bytes = fs.readFileSync(good);
  const cut = write("cut.keras", bytes.subarray(0, Math.floor(bytes.length / 2)));
  await assert.rejects(
    keras.models.loadModel(cut),
    new RegExp(
      `^ValueError: loadModel: ${cut.replace(/[.]/g, "\\.")} is a damaged zip archive \\(`,
    ),
  );
  const noWeights = write(
    "noweights.keras",
    zipMembers({ "metadata.json": parts["metadata.json"], "config.json": parts["config.json"] }),
  );
  await assert.rejects(keras.models.loadModel(noWeights), {
    message:
      `loadModel: ${noWeights} has no model.weights.h5 (a .keras file holds metadata.json, ` +
      `config.json and model.weights.h5; this one holds metadata.json, config.json)`,
  });
  const badJson = write("badjson.keras", zipMembers({ ...parts, "config.json": "{not json" }));
  await assert.rejects(
    keras.models.loadModel(badJson),
    /^ValueError: loadModel: .*badjson\.keras has a damaged config\.json \(/,
  );
  const notH5 = write(
    "noth5.keras",
    zipMembers({ ...parts, "model.weights.h5": new Uint8Array(64).fill(7) }),
  );
  await assert.rejects(keras.models.loadModel(notH5), {
    message: `loadModel: ${notH5} (model.weights.h5) is not an HDF5 file (wrong signature)`,
  });
  const h5 = parts["model.weights.h5"];
  const cutH5 = write(
    "cuth5.keras",
    zipMembers({ ...parts, "model.weights.h5": h5.subarray(0, 900) }),
  );
  await assert.rejects(keras.models.loadModel(cutH5), /^ValueError: loadModel: .*cuth5\.keras/);
  assert.equal(tf.memory().numTensors, before, "no tensor left behind by a failed load");
  // After all that, the module still works.
  assert.equal((await keras.models.loadModel(good)).countParams(), 19);
});

test("wrong weight shapes: a clear error naming the layer, and nothing half-loaded", async () => {
  const dir = tempDir("keras-shapes");
  const three = path.join(dir, "three.keras");
  const four = path.join(dir, "four.keras");
  await small(3).save(three);
  await small(4).save(four);
  const mixed = path.join(dir, "mixed.keras");
  fs.writeFileSync(
    mixed,
    zipMembers({ ...members(three), "model.weights.h5": members(four)["model.weights.h5"] }),
  );
  const before = tf.memory().numTensors;
  await assert.rejects(keras.models.loadModel(mixed), {
    name: "ValueError",
    message:
      `loadModel: ${mixed} has shape (4, 4) for layers/dense/vars/0 but layer "dense" ` +
      `(Dense, stored as layers/dense) needs dense/kernel of shape (4, 3)`,
  });
  assert.equal(tf.memory().numTensors, before, "the half-built model was freed");

  // loadWeights into a live model: refused before any weight changes.
  const model = small(3);
  const w0 = bits(model.getWeights());
  const weights4 = path.join(dir, "four.weights.h5");
  await small(4).saveWeights(weights4);
  await assert.rejects(model.loadWeights(weights4), /needs dense_\d+\/kernel of shape \(4, 3\)/);
  assert.deepEqual(bits(model.getWeights()), w0);
  const deeper = Sequential([Input({ shape: [4] }), L.Dense(3), L.Dense(1), L.Dense(1)]);
  const weights3 = path.join(dir, "three.weights.h5");
  await model.saveWeights(weights3);
  await assert.rejects(
    deeper.loadWeights(weights3),
    /holds 0 weights for layer "dense_\d+" \(Dense, stored as layers\/dense_2\) but the layer has 2 \(no datasets under layers\/dense_2\/vars\)/,
  );
});

test("a layer .keras files cannot hold: saving names it and writes nothing", async () => {
  class Twice extends tf.layers.Layer {
    static className = "Twice";
    override call(x: tf.Tensor | tf.Tensor[]) {
      return tf.mul(Array.isArray(x) ? x[0] : x, 2);
    }
  }
  tf.serialization.registerClass(Twice);
  const model = Sequential([Input({ shape: [2] }), new Twice({ name: "twice" }), L.Dense(1)]);
  const file = path.join(tempDir("keras-custom"), "c.keras");
  await assert.rejects(model.save(file), {
    name: "ValueError",
    message:
      'save: layer "twice" (Twice) cannot be written to a .keras file; supported layers: InputLayer, ' +
      "Dense, Dropout, Flatten, Activation, BatchNormalization, SimpleRNN, LSTM, GRU, Concatenate. " +
      'Save to a folder instead (model.save("models/name")), which keeps any registered custom layer',
  });
  assert.equal(fs.existsSync(file), false);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), []);
});

test("a failed save keeps the previous .keras file and leaves no temporary file", async (t) => {
  const model = small();
  const dir = tempDir("keras-atomic");
  const file = path.join(dir, "m.keras");
  await model.save(file);
  const saved = fs.readFileSync(file);
  await model.fit(matrix(8, 4, 2), matrix(8, 1, 3), { epochs: 1, verbose: 0 });
  // The disk fills up while the new file is flushed.
  t.mock.method(fs, "fsyncSync", () => {
    throw new Error("ENOSPC: no space left on device");
  });
  await assert.rejects(model.save(file), {
    name: "ValueError",
    message: `save: cannot write ${file} (ENOSPC: no space left on device)`,
  });
  t.mock.restoreAll();
  assert.deepEqual(fs.readFileSync(file), saved);
  assert.deepEqual(fs.readdirSync(dir), ["m.keras"]);
  const again = await keras.models.loadModel(file);
  assert.equal(again.countParams(), 19);
});

test("BatchNormalization with center or scale off trains (tfjs alone throws) as Keras computes", () => {
  const x = tf.tensor2d(matrix(6, 3, 4));
  for (const opts of [{ center: false }, { scale: false }]) {
    const bn = L.BatchNormalization({ ...opts, epsilon: 0.001 });
    const y = bn.apply(x, { training: true }) as tf.Tensor;
    const mean = x.mean(0);
    const variance = x.sub(mean).square().mean(0);
    const w = bn.getWeights();
    const gamma = opts.center === false ? w[0] : tf.ones([3]);
    const beta = opts.scale === false ? w[0] : tf.zeros([3]);
    const want = x.sub(mean).div(variance.add(0.001).sqrt()).mul(gamma).add(beta);
    const diff = y.sub(want).abs().max().dataSync()[0];
    assert.ok(diff < 1e-5, `${JSON.stringify(opts)}: max diff ${diff}`);
    assert.equal(bn.countParams(), 9);
  }
});
