/**
 * The training loop's control flow: interrupts arriving from outside the loop, stopTraining
 * after a batch, learning_rate aligned with the epochs, callback order, the progress lines of
 * evaluate / predict and the notebook display of History.
 */
import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { performance } from "perf_hooks";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import type { Logs } from "../../src/keras/callbacks/callback";
import { EarlyStopping, ReduceLROnPlateau, TerminateOnNaN } from "../../src/keras/callbacks";
import { getLearningRate, setLearningRate } from "../../src/keras/optimizers/learningRate";
import { formatValue } from "../../src/keras/format";
import { format } from "../../src/display/format";
import { PLOTLY_MIME } from "../../src/display/figureBundle";
import { interruptGuard } from "../../src/display/interrupt";
import { plotNumber } from "../../src/display/plotNumbers";
import { backendReady, matrix } from "./setup";

const { Sequential, Input } = keras;
const { Dense } = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

const X = matrix(100, 4, 11);
const Y = X.map((r) => 2 * r[0] - r[1] + 0.5 * r[2] * r[3]);
const BAR = "━".repeat(20);

function regressor(lr = 0.05): keras.SequentialModel {
  const model = Sequential([Input({ shape: [4] }), Dense(8, { activation: "relu" }), Dense(1)]);
  model.compile({ optimizer: keras.optimizers.SGD({ learningRate: lr }), loss: "mse" });
  return model;
}

const flatWeights = (model: keras.SequentialModel): number[][] => {
  const ws = model.getWeights();
  const out = ws.map((w) => Array.from(w.dataSync()));
  tf.dispose(ws);
  return out;
};

/** The kernel's request, made the way kernel/cooperativeInterrupt.ts makes it. */
function kernelInterrupt(): void {
  const s = (globalThis as unknown as Record<symbol, { requests: number; active: number }>)[
    Symbol.for("tslab-ml.interrupt")
  ];
  s.requests++;
}

test("an interrupt from a timer (outside the loop) stops fit after the current batch", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(String(s)));
  const model = regressor();
  const epochs = 3000; // many seconds of training: the interrupt ends it well before
  let batchesDone = 0;
  let afterLastBatch: number[][] = [];
  let atInterrupt = -1;
  const timer = setTimeout(() => {
    atInterrupt = batchesDone;
    kernelInterrupt();
  }, 300);
  const h = await model.fit(X, Y, {
    epochs,
    batchSize: 10,
    verbose: 0,
    callbacks: [
      {
        onBatchEnd: () => {
          batchesDone++;
          afterLastBatch = flatWeights(model);
        },
      },
    ],
  });
  clearTimeout(timer);
  assert.ok(atInterrupt > 0, "the timer ran while fit was training");
  assert.equal(batchesDone, atInterrupt, "no batch starts after the interrupt");
  assert.ok(h.epoch.length >= 1 && h.epoch.length < epochs);
  assert.equal(h.history.loss.length, h.epoch.length);
  const epoch = h.epoch.length + 1;
  const batch = batchesDone - h.epoch.length * 10;
  assert.deepEqual(lines, [
    `Training interrupted at epoch ${epoch}, batch ${batch}/10; the model keeps its current weights.`,
  ]);
  // The model keeps the weights of its last batch, and a following fit goes on from them.
  assert.deepEqual(flatWeights(model), afterLastBatch);
  const again = await model.fit(X, Y, { epochs: 1, verbose: 0, shuffle: false });
  assert.equal(again.epoch.length, 1);
  assert.ok(again.history.loss[0] < h.history.loss[0], "training continues from the weights");
  // No pending request leaks into the next guard.
  const guard = interruptGuard();
  assert.equal(guard.interrupted, false);
  guard.release();
});

test("an interrupt runs onTrainEnd: EarlyStopping restores its best weights and frees its copies", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(String(s)));
  const model = regressor(0.3);
  await model.fit(X, Y, { epochs: 1, verbose: 0 }); // builds the variables
  const tensors = tf.memory().numTensors;
  const seen: number[][][] = [];
  const ends: Logs[] = [];
  const es = EarlyStopping({
    monitor: "loss",
    patience: 1000,
    restoreBestWeights: true,
    verbose: 1,
  });
  const h = await model.fit(X, Y, {
    epochs: 50,
    batchSize: 10,
    verbose: 0,
    callbacks: [
      {
        onEpochEnd: (epoch: number) => {
          seen.push(flatWeights(model));
          if (epoch === 4) kernelInterrupt(); // noticed at the end of the next batch
        },
        onTrainEnd: (logs?: Logs) => void ends.push(logs ?? {}),
      },
      es,
    ],
  });
  assert.deepEqual(h.epoch, [0, 1, 2, 3, 4]);
  assert.equal(ends.length, 1, "onTrainEnd ran once");
  assert.equal(ends[0].loss, h.history.loss[h.history.loss.length - 1]);
  const best = h.history.loss.indexOf(Math.min(...h.history.loss));
  assert.deepEqual(flatWeights(model), seen[best]);
  assert.equal(
    lines[0],
    "Training interrupted at epoch 6, batch 1/10; the model keeps its current weights.",
  );
  assert.equal(
    lines[1],
    `Restoring model weights from the end of the best epoch: ${best + 1}.`,
    lines.join("\n"),
  );
  assert.equal(tf.memory().numTensors, tensors, "the kept best weights were disposed");
});

test("stopTraining set during a batch ends fit after that batch; the epoch still ends", async () => {
  const model = regressor();
  const batches: number[] = [];
  const epochEnds: number[] = [];
  const h = await model.fit(X, Y, {
    epochs: 5,
    batchSize: 10,
    validationSplit: 0.2,
    verbose: 0,
    callbacks: [
      {
        onBatchEnd: (b: number) => {
          batches.push(b);
          if (b === 2) model.stopTraining = true;
        },
        onEpochEnd: (e: number) => void epochEnds.push(e),
      },
    ],
  });
  assert.deepEqual(batches, [0, 1, 2], "3 of 8 batches ran");
  assert.deepEqual(epochEnds, [0]);
  assert.deepEqual(h.epoch, [0]);
  assert.deepEqual(Object.keys(h.history), ["loss", "val_loss"]);
});

test("TerminateOnNaN stops at the batch whose loss is NaN, as Keras", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(String(s)));
  const model = regressor(1e6);
  const big = X.map((r) => r.map((v) => v * 1e3));
  const losses: number[] = [];
  const h = await model.fit(big, Y, {
    epochs: 10,
    batchSize: 4,
    verbose: 0,
    shuffle: false,
    callbacks: [
      TerminateOnNaN(),
      { onBatchEnd: (_b: number, logs?: Logs) => void losses.push(logs?.loss ?? 0) },
    ],
  });
  const first = losses.findIndex((v) => !Number.isFinite(v));
  assert.ok(first >= 0 && first < 25, `the run diverges within the first epoch (${first})`);
  assert.equal(losses.length, first + 1, "no batch runs after the invalid loss");
  assert.deepEqual(lines, [`Batch ${first}: Invalid loss, terminating training`]);
  assert.deepEqual(h.epoch, [0]);
});

test("learning_rate has one value per epoch once the rate changes (earlier epochs: the initial rate)", async () => {
  const model = regressor(0.05);
  const h = await model.fit(X, Y, {
    epochs: 5,
    batchSize: 25,
    verbose: 0,
    callbacks: [
      {
        onEpochEnd: (epoch: number) => {
          if (epoch === 1) setLearningRate(model.optimizer, 0.01);
          if (epoch === 3) setLearningRate(model.optimizer, 0.05);
        },
      },
    ],
  });
  assert.deepEqual(h.history.learning_rate, [0.05, 0.05, 0.01, 0.01, 0.05]);
  assert.equal(h.history.learning_rate.length, h.history.loss.length);
  // A callback that logs the rate from some epoch on is aligned the same way.
  const late = await regressor(0.02).fit(X, Y, {
    epochs: 4,
    verbose: 0,
    callbacks: [
      {
        onEpochEnd: (epoch: number, logs?: Logs) =>
          void (epoch >= 2 && logs ? (logs.learning_rate = 0.02) : 0),
      },
    ],
  });
  assert.deepEqual(late.history.learning_rate, [0.02, 0.02, 0.02, 0.02]);
  // No change, no key.
  const flat = await regressor().fit(X, Y, { epochs: 2, verbose: 0 });
  assert.deepEqual(Object.keys(flat.history), ["loss"]);
});

test("the progress bar runs after the user's callbacks, as Keras appends it", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(String(s)));
  const model = regressor(0.05);
  const h = await model.fit(X, Y, {
    epochs: 3,
    batchSize: 25,
    verbose: 2,
    callbacks: [
      ReduceLROnPlateau({ monitor: "loss", patience: 0, minDelta: 100, factor: 0.5, verbose: 1 }),
      { onEpochEnd: (e: number) => console.log(`user end ${e}`) },
    ],
  });
  assert.equal(getLearningRate(model.optimizer), 0.0125);
  const step = "\\d+(ms|us|s)/step";
  const lossAt = (e: number) => formatValue(h.history.loss[e], ".4f");
  assert.equal(lines.length, 11, lines.join("\n"));
  assert.equal(lines[0], "Epoch 1/3");
  assert.equal(lines[1], "user end 0");
  assert.match(
    lines[2],
    new RegExp(`^4/4 - \\d+s - ${step} - learning_rate: 0\\.0500 - loss: ${lossAt(0)}$`),
  );
  assert.equal(lines[3], "Epoch 2/3");
  assert.equal(lines[4], "Epoch 2: ReduceLROnPlateau reducing learning rate to 0.025.");
  assert.equal(lines[5], "user end 1");
  assert.match(lines[6], new RegExp(`^4/4 - \\d+s - ${step} - learning_rate: 0\\.0500 - loss: `));
  assert.equal(lines[7], "Epoch 3/3");
  assert.equal(lines[8], "Epoch 3: ReduceLROnPlateau reducing learning rate to 0.0125.");
  assert.equal(lines[9], "user end 2");
  assert.match(lines[10], /^4\/4 - \d+s - .* - learning_rate: 0\.0250 - loss: /);
});

test("evaluate and predict print Keras's progress line by default (verbose 1)", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(String(s)));
  const model = Sequential([Input({ shape: [4] }), Dense(1, { activation: "sigmoid" })]);
  model.compile({ optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"] });
  const yc = Y.map((v) => (v > 0 ? 1 : 0));
  const r = model.evaluate(X, yc) as Record<string, number>;
  assert.equal(lines.length, 1);
  assert.equal(
    lines[0].replace(/ \d+s \d+(ms|us|s)\/step/, " Ts T/step"),
    `4/4 ${BAR} Ts T/step - accuracy: ${formatValue(r.accuracy, ".4f")} - loss: ${formatValue(r.loss, ".4f")}`,
  );
  lines.length = 0;
  model.evaluate(X, yc, { batchSize: 50, verbose: 2 });
  assert.match(
    lines[0],
    /^2\/2 - \d+s - \d+(ms|us|s)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}$/,
  );
  lines.length = 0;
  model.evaluate(X, yc, { verbose: 0 });
  assert.deepEqual(lines, []);
  const p = model.predict(X);
  assert.deepEqual(p.shape, [100, 1]);
  p.dispose();
  assert.equal(lines.length, 1);
  assert.match(lines[0], new RegExp(`^4/4 ${BAR} \\d+s \\d+(ms|us|s)/step$`));
  lines.length = 0;
  model.predict(X, { verbose: 0 }).dispose();
  model.predict(X, { batchSize: 200, verbose: 2 }).dispose();
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^1\/1 - \d+s - \d+(ms|us|s)\/step$/);
  assert.throws(
    () => model.predict(X, { verbose: 3 as 1 }),
    /predict: verbose must be 0, 1 or 2; got 3/,
  );
  assert.throws(
    () => model.evaluate(X, yc, { verbose: -1 as 1 }),
    /evaluate: verbose must be 0, 1 or 2/,
  );
});

test("a History shows in the notebook as its learning curves", async () => {
  const model = regressor();
  const h = await model.fit(X, Y, { epochs: 3, validationSplit: 0.2, verbose: 0 });
  const bundle = format(h);
  assert.ok(PLOTLY_MIME in bundle, Object.keys(bundle).join(", "));
  const fig = bundle[PLOTLY_MIME] as { data: Array<{ name?: string; y?: number[] }> };
  assert.deepEqual(
    fig.data.map((d) => d.name),
    ["train_err", "val_err"],
  );
  assert.deepEqual(fig.data[0].y, (h.history.loss as number[]).map(plotNumber));
  assert.equal(typeof bundle["text/plain"], "string");
  const empty = new keras.History({ verbose: 0, epochs: 1, steps: 1 });
  assert.deepEqual(format(empty), { "text/plain": "History: no epoch completed" });
});

test("the yield keeps an epoch's cost: fit gives the event loop a turn at most every ~50 ms", async () => {
  const model = regressor();
  await model.fit(X, Y, { epochs: 1, verbose: 0 });
  // Count the turns the event loop gets during a fit of about half a second.
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  const t0 = performance.now();
  const h = await model.fit(X, Y, {
    epochs: 400,
    batchSize: 10,
    verbose: 0,
    callbacks: [
      {
        onTrainBegin: () => void setImmediate(tick),
        onEpochEnd: () => void (performance.now() - t0 > 500 ? (model.stopTraining = true) : 0),
      },
    ],
  });
  running = false;
  const elapsed = performance.now() - t0;
  assert.ok(h.epoch.length >= 1);
  assert.ok(
    turns >= 2,
    `the event loop ran during fit (${turns} turns in ${elapsed.toFixed(0)} ms)`,
  );
  assert.ok(
    turns <= elapsed / 50 + 3,
    `not every batch yields (${turns} turns, ${h.epoch.length * 10} batches)`,
  );
});
