/**
 * No tensor growth from the calls a notebook repeats: predict / evaluate 1 000 times, and
 * build-compile-fit ten times with the course's `clearSession()` at the top.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { backendReady, matrix } from "./setup";

before(backendReady);

test("predict and evaluate 1 000 times each: no tensor or byte growth", () => {
  keras.backend.clearSession();
  const model = keras.Sequential([
    keras.Input({ shape: [4] }),
    keras.layers.Dense(8),
    keras.layers.Dense(1),
  ]);
  model.compile({ optimizer: "adam", loss: "mse", metrics: ["mae"] });
  const x = matrix(16, 4, 1);
  const y = matrix(16, 1, 2);
  const xt = tf.tensor2d(x);
  (model.predict(xt, { verbose: 0 }) as tf.Tensor).dispose();
  model.evaluate(x, y, { verbose: 0 });
  const start = tf.memory();
  for (let i = 0; i < 1000; i++) {
    (model.predict(xt, { verbose: 0 }) as tf.Tensor).dispose();
    model.evaluate(x, y, { verbose: 0 });
  }
  assert.equal(tf.memory().numTensors, start.numTensors);
  assert.equal(tf.memory().numBytes, start.numBytes);
  xt.dispose();
  model.dispose();
});

test("build, compile and fit ten times after clearSession(): memory after run 10 equals run 1", async () => {
  const after: { numTensors: number; numBytes: number }[] = [];
  for (let run = 0; run < 10; run++) {
    keras.backend.clearSession();
    const model = keras.Sequential([
      keras.Input({ shape: [4] }),
      keras.layers.Dense(16, { activation: "relu" }),
      keras.layers.Dropout(0.2),
      keras.layers.Dense(1),
    ]);
    model.compile({ optimizer: "adam", loss: "mse" });
    await model.fit(matrix(32, 4, run), matrix(32, 1, run + 1), {
      epochs: 2,
      validationSplit: 0.25,
      verbose: 0,
    });
    const { numTensors, numBytes } = tf.memory();
    after.push({ numTensors, numBytes });
  }
  assert.deepEqual(after[9], after[0]);
  keras.backend.clearSession();
});
