import { before, test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { format } from "../../src/display";
import { backendReady } from "./setup";

before(backendReady);

const build = () =>
  keras.Sequential([keras.Input({ shape: [4] }), keras.layers.Dense(3), keras.layers.Dense(1)]);

test("memoryReport counts the tensors and models held, and clearSession brings them back", () => {
  keras.backend.clearSession();
  const start = keras.backend.memoryReport();
  assert.equal(start.models, 0);
  assert.equal(start.numTensors, tf.memory().numTensors);
  build();
  build();
  const grown = keras.backend.memoryReport();
  assert.equal(grown.models, 2);
  assert.equal(grown.numTensors, start.numTensors + 8, "two models of 4 weight tensors each");
  assert.equal(grown.numBytes, start.numBytes + 2 * (4 * 3 + 3 + 3 + 1) * 4);
  keras.backend.clearSession();
  const after = keras.backend.memoryReport();
  assert.equal(after.models, 0);
  assert.equal(after.numTensors, start.numTensors);
  assert.match(
    String(grown),
    new RegExp(
      `^TensorFlow\\.js memory: ${grown.numTensors} tensors, [\\d.]+ [KMG]?B \\(${tf.getBackend()}\\); 2 models since clearSession\\(\\)$`,
    ),
  );
  assert.equal(format(grown)["text/plain"], String(grown));
  assert.equal(inspect(after), String(after));
});

test("clearSession() runs a full garbage collection (Keras's free_memory); snake_case is refused", async () => {
  const tick = () => new Promise((r) => setImmediate(r));
  const ref = (() => new WeakRef({ payload: new Array(1000).fill(1) }))();
  // a WeakRef keeps its target alive until the job that made (or read) it ends
  await tick();
  keras.backend.clearSession();
  await tick();
  assert.equal(ref.deref(), undefined, "collected by clearSession()");
  assert.throws(
    () => keras.backend.clearSession({ free_memory: true } as never),
    /clearSession: unknown option "free_memory"; did you mean "freeMemory"\?/,
  );
});
