/**
 * keras.utils.setRandomSeed: after the same seed, the same initial weights (glorot, orthogonal,
 * tf.random ops), the same fit (shuffle, dropout, validationSplit) and the same unseeded
 * trainTestSplit; after another seed, or without reseeding, different ones; bad seeds are
 * ValueErrors naming the argument.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { trainTestSplit } from "../../src/data/trainTestSplit";
import { ValueError } from "../../src/validation/errors";
import { backendReady, matrix } from "./setup";

const { Sequential, Input } = keras;
const { Dense, Dropout, LSTM, Flatten } = keras.layers;
const { setRandomSeed } = keras.utils;

const originalRandom = Math.random;
before(backendReady);
beforeEach(() => keras.backend.clearSession());
after(() => {
  Math.random = originalRandom;
});

const X = matrix(64, 6, 3);
const Y = X.map((r) => [r[0] - 2 * r[1] + r[2] * r[3] > 0 ? 1 : 0]);
/** Three timesteps of two features per row, and the labels. */
const data = (): [tf.Tensor, tf.Tensor] => [
  tf.tensor3d(X.map((r) => [r.slice(0, 2), r.slice(2, 4), r.slice(4, 6)])),
  tf.tensor2d(Y),
];

/** LSTM (glorot kernel, orthogonal recurrent kernel), Dense (glorot uniform) and dropout. */
function model(): keras.SequentialModel {
  const m = Sequential([
    Input({ shape: [3, 2] }),
    LSTM(4, { returnSequences: true }),
    Flatten(),
    Dense(12, { activation: "relu" }),
    Dropout(0.3),
    Dense(1, { activation: "sigmoid" }),
  ]);
  m.compile({ optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"] });
  return m;
}

function weights(m: keras.SequentialModel): number[][] {
  const ws = m.getWeights();
  const out = ws.map((w) => Array.from(w.dataSync()));
  tf.dispose(ws);
  return out;
}

async function trained(): Promise<{ initial: number[][]; final: number[][]; loss: number[] }> {
  const m = model();
  const initial = weights(m);
  const [x, y] = data();
  const history = await m.fit(x, y, { epochs: 3, batchSize: 8, validationSplit: 0.25, verbose: 0 });
  tf.dispose([x, y]);
  return { initial, final: weights(m), loss: history.history.loss as number[] };
}

test("the same seed gives the same initial weights and tf.random values; another seed does not", () => {
  setRandomSeed(42);
  const a = weights(model());
  const ra = Array.from(tf.randomNormal([5]).dataSync());
  setRandomSeed(42);
  const b = weights(model());
  const rb = Array.from(tf.randomNormal([5]).dataSync());
  assert.deepEqual(b, a);
  assert.deepEqual(rb, ra);
  assert.equal(a.length, 7, "one LSTM (kernel, recurrent, bias) and two Dense (kernel, bias)");
  setRandomSeed(43);
  const c = weights(model());
  assert.notDeepEqual(c[1], a[1], "LSTM recurrent kernel after another seed");
  assert.notDeepEqual(c[3], a[3], "Dense kernel after another seed");
  const d = weights(model());
  assert.notDeepEqual(d[3], c[3], "the sequence goes on without a reseed");
});

test("the same seed gives the same fit: shuffle, dropout and validation split", async () => {
  setRandomSeed(7);
  const first = await trained();
  setRandomSeed(7);
  const second = await trained();
  assert.deepEqual(second.initial, first.initial);
  assert.deepEqual(second.loss, first.loss);
  assert.deepEqual(second.final, first.final);
  // The same initial weights with another shuffle and other dropout masks train differently.
  setRandomSeed(7);
  const m = model();
  assert.deepEqual(weights(m), first.initial);
  setRandomSeed(8);
  const [x, y] = data();
  const h = await m.fit(x, y, { epochs: 3, batchSize: 8, validationSplit: 0.25, verbose: 0 });
  tf.dispose([x, y]);
  assert.notDeepEqual(h.history.loss, first.loss);
});

test("trainTestSplit without randomState repeats after the same seed", () => {
  const rows = Array.from({ length: 40 }, (_, i) => [i]);
  setRandomSeed(5);
  const [a] = trainTestSplit(rows, { testSize: 0.25 }) as number[][][];
  setRandomSeed(5);
  const [b] = trainTestSplit(rows, { testSize: 0.25 }) as number[][][];
  const [c] = trainTestSplit(rows, { testSize: 0.25 }) as number[][][];
  assert.deepEqual(b, a);
  assert.notDeepEqual(c, a);
  assert.notDeepEqual(
    a.map((r) => r[0]),
    Array.from({ length: 30 }, (_, i) => i),
    "the rows were shuffled",
  );
});

test("a bad seed is a ValueError that names the argument and what it got", () => {
  for (const [bad, got] of [
    [-1, "-1"],
    [1.5, "1.5"],
    [2 ** 32, "4294967296"],
    ["42", '"42"'],
    [undefined, "undefined"],
  ] as const) {
    assert.throws(
      () => setRandomSeed(bad as unknown as number),
      (e: unknown) =>
        e instanceof ValueError &&
        /^setRandomSeed: seed must be an integer between 0 and 2\*\*32 - 1; got /.test(e.message) &&
        e.message.includes(got),
      `seed ${String(bad)}`,
    );
  }
});
