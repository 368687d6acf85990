import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { releaseReplaced } from "../../src/keras/engine/releaseReplaced";
import { backendReady } from "./setup";

before(backendReady);
beforeEach(() => keras.backend.clearSession());

const build = () => {
  const m = keras.Sequential([keras.Input({ shape: [3] }), keras.layers.Dense(2)]);
  m.compile({ optimizer: "adam", loss: "mse" });
  return m;
};

test("a replaced model and replaced tensors are freed; memory returns to where it was", () => {
  const start = tf.memory();
  const oldModel = build();
  const oldX = tf.ones([4, 3]);
  const oldPair = { x: tf.zeros([2]), list: [tf.zeros([3])] };
  const fresh = build();
  assert.deepEqual(releaseReplaced([oldModel, oldX, oldPair], [fresh]), { models: 1, tensors: 3 });
  assert.equal(oldModel.isDisposed, true);
  assert.equal(oldX.isDisposed, true);
  assert.equal(fresh.isDisposed, false);
  fresh.dispose();
  assert.equal(tf.memory().numTensors, start.numTensors);
  assert.equal(tf.memory().numBytes, start.numBytes);
});

test("what a live name still reaches is kept: arrays, objects, class instances, variables", () => {
  const kept = build();
  const inHolder = build();
  class Holder {
    constructor(readonly model: unknown) {}
  }
  const weight = kept.tfModel.weights[0].read();
  const shared = tf.ones([2]);
  const freed = releaseReplaced(
    [kept, inHolder, weight, shared],
    [[kept], { nested: { t: shared } }, new Holder(inHolder)],
  );
  assert.deepEqual(freed, { models: 0, tensors: 0 });
  assert.equal(kept.isDisposed, false);
  assert.equal(inHolder.isDisposed, false);
  assert.equal(shared.isDisposed, false);
  assert.equal(weight.isDisposed, false, "a model's variable is never freed on its own");
});

test("large data in live names (a 60 000 × 784 nested array, 1e6 numbers) does not break the walk", () => {
  const replaced = build();
  const pixels = Array.from({ length: 60_000 }, () => new Array<number>(784).fill(0));
  const flat = new Array<number>(1_000_000).fill(1);
  const kept = tf.ones([3]);
  const freed = releaseReplaced([replaced], [pixels, flat, { kept }]);
  assert.deepEqual(freed, { models: 1, tensors: 0 });
  assert.equal(kept.isDisposed, false);
});
