import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../../src/keras";
import {
  CSVLogger,
  EarlyStopping,
  ModelCheckpoint,
  ProgbarLogger,
  ReduceLROnPlateau,
  TerminateOnNaN,
} from "../../../src/keras/callbacks";
import type { Logs } from "../../../src/keras/callbacks/callback";
import { getLearningRate } from "../../../src/keras/optimizers/learningRate";
import { formatValue } from "../../../src/keras/format";
import { tempDir } from "../../helpers";
import { backendReady, matrix } from "../setup";
import { captureConsole } from "./helpers";

const { Sequential, Input } = keras;
const { Dense } = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

const X = matrix(60, 4, 7);
const Y = X.map((r) => 2 * r[0] - r[1] + 0.5 * r[2] * r[3]);

function regressor(lr = 0.05): keras.SequentialModel {
  const model = Sequential([Input({ shape: [4] }), Dense(8, { activation: "relu" }), Dense(1)]);
  model.compile({ optimizer: keras.optimizers.SGD({ learningRate: lr }), loss: "mse" });
  return model;
}

/** A plain callback that keeps a copy of the weights at each epoch end. */
function recorder(model: keras.SequentialModel, into: number[][][]) {
  return {
    onEpochEnd: () => {
      const ws = model.getWeights();
      into.push(ws.map((w) => Array.from(w.dataSync())));
      tf.dispose(ws);
    },
  };
}

const flatWeights = (model: keras.SequentialModel) => {
  const ws = model.getWeights();
  const out = ws.map((w) => Array.from(w.dataSync()));
  tf.dispose(ws);
  return out;
};

test("fit + EarlyStopping(restoreBestWeights): ends with the weights of the best val_loss epoch", async () => {
  const model = regressor(0.3);
  await model.fit(X, Y, { epochs: 1, verbose: 0 }); // builds the model's variables
  const tensors = tf.memory().numTensors;
  const seen: number[][][] = [];
  const es = EarlyStopping({ patience: 2, restoreBestWeights: true });
  const history = await model.fit(X, Y, {
    epochs: 25,
    batchSize: 8,
    validationSplit: 0.25,
    verbose: 0,
    callbacks: [recorder(model, seen), es],
  });
  const val = history.history.val_loss;
  const best = val.indexOf(Math.min(...val));
  assert.equal(es.bestEpoch, best);
  if (es.stoppedEpoch > 0) assert.equal(val.length, es.stoppedEpoch + 1);
  assert.deepEqual(flatWeights(model), seen[best]);
  assert.equal(tf.memory().numTensors, tensors, "no tensor left behind by the kept weights");
  model.dispose();
});

test("fit + ModelCheckpoint(saveBestOnly): the saved folder holds the best epoch's weights", async () => {
  const dir = tempDir("fit-ckpt");
  const model = regressor();
  const seen: number[][][] = [];
  const target = path.join(dir, "ckpt", "best");
  const history = await model.fit(X, Y, {
    epochs: 6,
    batchSize: 16,
    validationSplit: 0.25,
    verbose: 0,
    callbacks: [recorder(model, seen), ModelCheckpoint(target, { saveBestOnly: true })],
  });
  const val = history.history.val_loss;
  const best = val.indexOf(Math.min(...val));
  const loaded = await keras.models.loadModel(target);
  assert.deepEqual(flatWeights(loaded as keras.SequentialModel), seen[best]);
  const every = path.join(dir, "every", "e{epoch:02d}-{val_loss:.3f}");
  const h2 = await model.fit(X, Y, {
    epochs: 2,
    batchSize: 16,
    validationSplit: 0.25,
    verbose: 0,
    callbacks: [ModelCheckpoint(every, { saveWeightsOnly: true })],
  });
  const names = fs.readdirSync(path.join(dir, "every")).sort();
  assert.deepEqual(
    names,
    h2.history.val_loss.map((v, i) => `e0${i + 1}-${formatValue(v, ".3f")}`),
  );
  assert.ok(fs.existsSync(path.join(dir, "every", names[0], "weights.bin")));
  loaded.dispose();
  model.dispose();
});

test("fit + ReduceLROnPlateau: the optimizer's rate drops and History logs learning_rate", async () => {
  const model = regressor(0.05);
  const history = await model.fit(X, Y, {
    epochs: 4,
    batchSize: 16,
    verbose: 0,
    callbacks: [ReduceLROnPlateau({ monitor: "loss", patience: 0, minDelta: 100, factor: 0.5 })],
  });
  // Epoch 1 sets the best; each later epoch misses minDelta and halves the rate after logging it.
  assert.deepEqual(history.history.learning_rate, [0.05, 0.05, 0.025, 0.0125]);
  assert.equal(getLearningRate(model.optimizer), 0.00625);
  model.dispose();
});

test("fit + CSVLogger: one row per epoch with the History's values", async () => {
  const file = path.join(tempDir("fit-csv"), "log.csv");
  const model = regressor();
  const history = await model.fit(X, Y, {
    epochs: 3,
    batchSize: 16,
    validationSplit: 0.2,
    verbose: 0,
    callbacks: [CSVLogger(file)],
  });
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
  assert.equal(lines[0], "epoch,loss,val_loss");
  lines.slice(1).forEach((line, i) => {
    const [epoch, loss, valLoss] = line.split(",");
    assert.equal(Number(epoch), i);
    assert.equal(Number(loss), history.history.loss[i]);
    assert.equal(Number(valLoss), history.history.val_loss[i]);
  });
  model.dispose();
});

test("fit + TerminateOnNaN: a diverging run stops in its first epoch", async () => {
  const model = regressor(1e6);
  const big = X.map((r) => r.map((v) => v * 1e3));
  let history: keras.History | null = null;
  const out = await captureConsole(async () => {
    history = await model.fit(big, Y, {
      epochs: 10,
      batchSize: 4,
      verbose: 0,
      callbacks: [TerminateOnNaN()],
    });
  });
  assert.equal((history as unknown as keras.History).epoch.length, 1);
  assert.equal(out.log.length, 1);
  assert.match(out.log[0], /^Batch \d+: Invalid loss, terminating training$/);
  model.dispose();
});

test("fit + ProgbarLogger(verbose 2): Keras lines with the epoch's values", async () => {
  const model = regressor();
  let history: keras.History | null = null;
  const batches: Logs[] = [];
  const out = await captureConsole(async () => {
    history = await model.fit(X, Y, {
      epochs: 2,
      batchSize: 16,
      validationSplit: 0.2,
      verbose: 0,
      callbacks: [
        ProgbarLogger({ verbose: 2 }),
        { onBatchEnd: (_b: number, l?: Logs) => void batches.push(l ?? {}) },
      ],
    });
  });
  const h = (history as unknown as keras.History).history;
  assert.equal(out.log.length, 4);
  for (let e = 0; e < 2; e++) {
    assert.equal(out.log[2 * e], `Epoch ${e + 1}/2`);
    const m = /^3\/3 - \d+s - \d+(ms|us|s)\/step - loss: (\S+) - val_loss: (\S+)$/.exec(
      out.log[2 * e + 1],
    );
    assert.ok(m, out.log[2 * e + 1]);
    assert.equal(m[2], formatValue(h.loss[e], ".4f"));
    assert.equal(m[3], formatValue(h.val_loss[e], ".4f"));
  }
  assert.equal(batches.length, 6);
  model.dispose();
});
