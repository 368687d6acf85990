import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { Callback, type Logs } from "../../src/keras/callbacks/callback";
import { requestInterrupt } from "../../src/display/interrupt";
import { backendReady, matrix, seeded } from "./setup";

const { Sequential, Input, Model } = keras;
const { Dense, Dropout, concatenate } = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

function classifier(features = 8): keras.SequentialModel {
  const model = Sequential([
    Input({ shape: [features] }),
    Dense(16, { activation: "relu" }),
    Dropout(0.3),
    Dense(1, { activation: "sigmoid" }),
  ]);
  model.compile({
    optimizer: keras.optimizers.Adam({ learningRate: 0.01 }),
    loss: "binary_crossentropy",
    metrics: ["accuracy"],
  });
  return model;
}

const X = matrix(100, 8, 1);
const Y = X.map((r) => (r[0] + r[1] > 0 ? 1 : 0));

test("History: Keras keys sorted, params {verbose, epochs, steps}, epoch list", async () => {
  const model = classifier();
  const history = await model.fit(X, Y, {
    epochs: 3,
    batchSize: 16,
    validationSplit: 0.2,
    verbose: 0,
  });
  assert.ok(history instanceof keras.History);
  assert.equal(model.history, history);
  assert.deepEqual(Object.keys(history.history), ["accuracy", "loss", "val_accuracy", "val_loss"]);
  assert.deepEqual(history.params, { verbose: 0, epochs: 3, steps: 5 });
  assert.deepEqual(history.epoch, [0, 1, 2]);
  for (const values of Object.values(history.history)) assert.equal(values.length, 3);
  const acc = await classifier().fit(X, Y, { epochs: 1, verbose: 0 });
  assert.deepEqual(Object.keys(acc.history), ["accuracy", "loss"]);
});

test("validationSplit keeps the last fraction of rows (before shuffling) and penalties count in val_loss", async () => {
  // 10 rows, y = row index; validationSplit 0.3 keeps rows 7, 8, 9 for validation.
  const x = Array.from({ length: 10 }, (_, i) => [i / 10, 1 - i / 10]);
  const y = Array.from({ length: 10 }, (_, i) => i);
  const model = Sequential([
    Input({ shape: [2] }),
    Dense(1, { kernelRegularizer: keras.regularizers.l2(0.01) }),
  ]);
  model.compile({ optimizer: keras.optimizers.SGD({ learningRate: 0.01 }), loss: "mse" });
  const seen: number[] = [];
  const history = await model.fit(x, y, {
    epochs: 1,
    batchSize: 3,
    validationSplit: 0.3,
    verbose: 0,
    callbacks: [
      {
        onTrainBegin: () => void 0,
        onBatchBegin: (_b: number, logs?: Logs) => void seen.push(logs?.size ?? -1),
      },
    ],
  });
  assert.deepEqual(seen, [3, 3, 1], "7 training rows in batches of 3");
  // Manual val_loss with the final weights: mean((x·w + b - y)²) over rows 7..9 + 0.01·Σw².
  const [kernel, bias] = model.getWeights().map((t) => Array.from(t.dataSync()));
  const pred = (r: number[]) => r[0] * kernel[0] + r[1] * kernel[1] + bias[0];
  const mse = [7, 8, 9].reduce((a, i) => a + (pred(x[i]) - y[i]) ** 2, 0) / 3;
  const penalty = 0.01 * (kernel[0] ** 2 + kernel[1] ** 2);
  assert.ok(penalty > 1e-4);
  assert.ok(
    Math.abs(history.history.val_loss[0] - (mse + penalty)) < 1e-4,
    `${history.history.val_loss[0]} vs ${mse + penalty}`,
  );
  // evaluate includes the penalty too.
  const all = x.reduce((a, r, i) => a + (pred(r) - y[i]) ** 2, 0) / 10;
  const evaluated = model.evaluate(x, y) as number;
  assert.equal(typeof evaluated, "number");
  assert.ok(Math.abs(evaluated - (all + penalty)) < 1e-4, `${evaluated} vs ${all + penalty}`);
});

test("validationData as [x, y] gives val_ keys; DataFrame-free inputs of every kind", async () => {
  const model = classifier();
  const h = await model.fit(tf.tensor2d(X), tf.tensor1d(Y), {
    epochs: 2,
    validationData: [X.slice(0, 20), Y.slice(0, 20)],
    verbose: 0,
  });
  assert.deepEqual(Object.keys(h.history), ["accuracy", "loss", "val_accuracy", "val_loss"]);
  const p = model.predict(X);
  assert.deepEqual(p.shape, [100, 1]);
  p.dispose();
});

test("multi-input functional model trains on an array of inputs", async () => {
  const a = Input({ shape: [3] });
  const b = Input({ shape: [2] });
  const out = Dense(1).apply(
    Dense(8, { activation: "relu" }).apply(concatenate([a, b])),
  ) as tf.SymbolicTensor;
  const model = Model({ inputs: [a, b], outputs: out });
  model.compile({ optimizer: "adam", loss: "mse", metrics: ["mae"] });
  const xa = matrix(64, 3, 2);
  const xb = matrix(64, 2, 3);
  const y = xa.map((r, i) => r[0] + xb[i][1]);
  const h = await model.fit([xa, xb], y, { epochs: 30, batchSize: 16, verbose: 0 });
  assert.deepEqual(Object.keys(h.history), ["loss", "mae"]);
  assert.ok(h.history.loss[29] < h.history.loss[0], "loss decreases");
  const p = model.predict([xa, xb]);
  assert.deepEqual(p.shape, [64, 1]);
  p.dispose();
  assert.throws(
    () => model.predict(xa),
    /predict: the model has 2 inputs; pass x as an array of 2 arrays or tensors, one per input/,
  );
});

test("callbacks: Callback subclasses and plain objects, stopTraining, learning_rate when it changes", async () => {
  const model = classifier();
  class StopAt2 extends Callback {
    override onEpochEnd(epoch: number) {
      if (epoch === 1 && this.model) this.model.stopTraining = true;
    }
  }
  const ends: number[] = [];
  const h = await model.fit(X, Y, {
    epochs: 10,
    verbose: 0,
    callbacks: [new StopAt2(), { onEpochEnd: (e: number) => void ends.push(e) }],
  });
  assert.deepEqual(h.epoch, [0, 1]);
  assert.deepEqual(ends, [0, 1]);
  const lr = await model.fit(X, Y, {
    epochs: 2,
    verbose: 0,
    callbacks: [
      {
        onEpochBegin: () =>
          void ((model.optimizer as unknown as { learningRate: number }).learningRate = 0.001),
      },
    ],
  });
  assert.deepEqual(lr.history.learning_rate, [0.001, 0.001]);
  assert.deepEqual(Object.keys(lr.history), ["accuracy", "learning_rate", "loss"]);
});

test("re-running a cell with clearSession leaves the tensor count unchanged", async () => {
  const cell = async () => {
    keras.backend.clearSession();
    const model = classifier();
    await model.fit(X, Y, { epochs: 2, validationSplit: 0.2, verbose: 0 });
    model.evaluate(X, Y);
    model.predict(X).dispose();
  };
  await cell();
  const after = tf.memory().numTensors;
  for (let i = 0; i < 10; i++) await cell();
  assert.equal(tf.memory().numTensors, after);
  keras.backend.clearSession();
  const model = classifier();
  keras.backend.clearSession();
  assert.throws(() => model.predict(X), /predict: model "sequential" was disposed/);
});

test("an interrupt stops after the current batch, keeps the weights and resolves with the epochs done", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(s));
  const model = classifier();
  const h = await model.fit(X, Y, {
    epochs: 5,
    batchSize: 10,
    verbose: 0,
    callbacks: [
      { onBatchEnd: (b: number) => void (b === 3 && epochSeen === 1 ? requestInterrupt() : 0) },
      { onEpochEnd: () => void epochSeen++ },
    ],
  });
  assert.deepEqual(h.epoch, [0]);
  assert.deepEqual(lines, [
    "Training interrupted at epoch 2, batch 4/10; the model keeps its current weights.",
  ]);
  // The model stays usable and trains again without an interrupt.
  const again = await model.fit(X, Y, { epochs: 1, verbose: 0 });
  assert.equal(again.epoch.length, 1);
});
let epochSeen = 0;

test("bad inputs get clear errors", async () => {
  const model = classifier();
  const x7 = matrix(10, 7, 4);
  await assert.rejects(
    model.fit(x7, seeded(10, 5)),
    /^ValueError: fit: x has 7 features but the model's input expects 8 \(Input shape \[8\]\)$/,
  );
  await assert.rejects(
    model.fit(X, Y.slice(0, 90)),
    /fit: x and y have different lengths \(100 != 90\)/,
  );
  await assert.rejects(
    model.fit(X, Y, { validationSplit: 1 }),
    /fit: validationSplit must be in \[0, 1\), the fraction of rows kept for validation; got 1/,
  );
  await assert.rejects(
    model.fit(X, Y, { validationSplit: -0.1 }),
    /fit: validationSplit must be in \[0, 1\).*got -0.1/,
  );
  await assert.rejects(
    model.fit(X.slice(0, 1), Y.slice(0, 1), { validationSplit: 0.2 }),
    /fit: validationSplit 0.2 of 1 rows leaves no training rows; use more rows or another validationSplit/,
  );
  await assert.rejects(
    model.fit(X, Y, { validationSplit: 1e-17 }),
    /fit: validationSplit 1e-17 of 100 rows leaves no validation rows/,
  );
  await assert.rejects(
    model.fit(X, Y, { batchSize: 0 }),
    /fit: batchSize must be a positive integer; got 0/,
  );
  await assert.rejects(
    model.fit(X, Y, { epochs: 2.5 }),
    /fit: epochs must be a positive integer; got 2.5/,
  );
  await assert.rejects(
    model.fit(X, Y, { verbose: 3 as 1 }),
    /fit: verbose must be 0, 1 or 2; got 3/,
  );
  const raw = Sequential([Input({ shape: [8] }), Dense(1)]);
  await assert.rejects(
    raw.fit(X, Y),
    /^ValueError: fit: the model must be compiled first; call model.compile\(\{ optimizer: "adam", loss: "mse" \}\)$/,
  );
  assert.throws(() => raw.evaluate(X, Y), /evaluate: the model must be compiled first/);
  const multi = Sequential([Input({ shape: [8] }), Dense(3, { activation: "softmax" })]);
  multi.compile({ loss: "categorical_crossentropy" });
  await assert.rejects(
    multi.fit(X, Y),
    /fit: y holds one value per sample but the model outputs 3 per sample; one-hot encode y \(toCategorical\) or use loss "sparse_categorical_crossentropy"/,
  );
  assert.throws(
    () => raw.compile({ loss: "mse", optimizer: "adan" }),
    /compile: unknown optimizer "adan".*did you mean "adam"\?/,
  );
  assert.throws(
    () => keras.Input({ shape: [0] }),
    /Input: shape must be an array of positive integers such as \[8\]; got \[0\]/,
  );
});

test("x as a DataFrame and y as a Series, as in the course notebooks", async () => {
  const { DataFrame, Series } = await import("../../src/data/danfo");
  const df = new DataFrame(X, { columns: ["a", "b", "c", "d", "e", "f", "g", "h"] });
  const model = classifier();
  const h = await model.fit(df, new Series(Y), { epochs: 1, verbose: 0 });
  assert.equal(h.history.loss.length, 1);
  const p = model.predict(df);
  assert.deepEqual(p.shape, [100, 1]);
  p.dispose();
  const narrow = new DataFrame(matrix(5, 7, 9));
  await assert.rejects(
    model.fit(narrow, Y.slice(0, 5)),
    /fit: x has 7 features but the model's input expects 8 \(Input shape \[8\]\)/,
  );
});

test("3-D inputs (samples, timesteps, features) as nested arrays, with shape checks", async () => {
  const model = Sequential([Input({ shape: [4, 3] }), keras.layers.Flatten(), Dense(1)]);
  model.compile({ optimizer: "adam", loss: "mse" });
  const x = Array.from({ length: 12 }, (_, i) => matrix(4, 3, i + 1));
  const h = await model.fit(x, seeded(12, 3), { epochs: 2, batchSize: 4, verbose: 0 });
  assert.equal(h.history.loss.length, 2);
  const wrong = Array.from({ length: 12 }, (_, i) => matrix(5, 3, i + 1));
  await assert.rejects(
    model.fit(wrong, seeded(12, 3)),
    /^ValueError: fit: x has samples of shape \[5, 3\] \(x shape \[12, 5, 3\]\) but the model's input expects \[4, 3\] \(Input shape \[4, 3\]\)$/,
  );
});

test("verbose 1 and 2 add Keras's progress lines; a ProgbarLogger of the user's is not doubled", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(String(s)));
  const model = classifier();
  await model.fit(X, Y, { epochs: 2, batchSize: 50, verbose: 2 });
  assert.equal(lines.length, 4);
  assert.equal(lines[0], "Epoch 1/2");
  assert.match(
    lines[1],
    /^2\/2 - \d+s - \d+(ms|us|s)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}$/,
  );
  lines.length = 0;
  await model.fit(X, Y, { epochs: 1, batchSize: 50, verbose: 1 });
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^2\/2 ━+ \d+s \d+(ms|us|s)\/step - accuracy: /);
  lines.length = 0;
  await model.fit(X, Y, {
    epochs: 1,
    verbose: 1,
    callbacks: [keras.callbacks.ProgbarLogger({ verbose: 2 })],
  });
  assert.equal(lines.length, 1, "only the user's ProgbarLogger prints");
  lines.length = 0;
  await model.fit(X, Y, { epochs: 3, verbose: 0 });
  assert.deepEqual(lines, []);
});
