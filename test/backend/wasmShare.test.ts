import { before, test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { installWasmShareFix, uninstallWasmShareFix } from "../../src/backend/wasmShare";
import { FusedAdam } from "../../src/keras/optimizers/fusedAdam";
import { backendReady, seeded } from "../keras/setup";

before(backendReady);

interface Heap {
  dataIdMap: { get(dataId: object): { memoryOffset: number; refCount: number } | undefined };
  numDataIds(): number;
}
const heap = () => tf.backend() as unknown as Heap;
const offset = (t: tf.Tensor) => heap().dataIdMap.get(t.dataId)?.memoryOffset;
const bits = (t: tf.Tensor) =>
  Array.from(new Uint32Array((t.dataSync() as Float32Array).slice().buffer));

/** Runs only on wasm (the library's fallback here; tfjs-node shares buffers itself). */
function onWasm(t: TestContext): boolean {
  if (tf.getBackend() === "wasm") return true;
  t.skip(`backend is ${tf.getBackend()}`);
  return false;
}

test("clone and a same-dtype cast share the buffer; the values outlive the original", (t) => {
  if (!onWasm(t)) return;
  const before = heap().numDataIds();
  const x = tf.tensor(seeded(12, 1), [3, 4]);
  const expected = bits(x);
  const copy = tf.clone(x);
  const cast = tf.cast(x, "float32");
  assert.equal(offset(copy), offset(x), "clone: same memory");
  assert.equal(offset(cast), offset(x), "cast float32 → float32: same memory");
  assert.equal(heap().dataIdMap.get(x.dataId)?.refCount, 3);
  x.dispose();
  assert.deepEqual(bits(copy), expected, "the clone keeps the values");
  copy.dispose();
  assert.deepEqual(bits(cast), expected, "the cast keeps the values");
  cast.dispose();
  assert.equal(heap().numDataIds(), before, "the buffer is freed with its last tensor");
});

test("casts to another dtype and strings keep their meaning; bool is x ≠ 0 as on cpu", (t) => {
  if (!onWasm(t)) return;
  const values = [1.7, -2.2, 0, 256, -0, NaN, 1e-30, -512];
  const x = tf.tensor(values);
  const asInt = tf.cast(x, "int32");
  assert.notEqual(offset(asInt), offset(x));
  assert.deepEqual(Array.from(asInt.dataSync()), [1, -2, 0, 256, 0, 0, 0, -512]);
  const expected = values.map((v) => (v !== 0 ? 1 : 0));
  assert.deepEqual(Array.from(tf.cast(x, "bool").dataSync()), expected, "float32 → bool");
  assert.deepEqual(Array.from(tf.cast(asInt, "bool").dataSync()), [1, 1, 0, 1, 0, 0, 0, 1]);
  const words = tf.tensor(["a", "bc"]);
  assert.deepEqual(tf.clone(words).arraySync(), ["a", "bc"]);
  tf.dispose([x, asInt, words]);
});

/** Two Adam steps on a small dense model; returns the weights' bits and the tensors left. */
function train(): { weights: number[][]; leftTensors: number; leftData: number } {
  const startTensors = tf.memory().numTensors;
  const startData = heap().numDataIds();
  const w = tf.tidy(() => tf.variable(tf.tensor(seeded(40, 2), [8, 5])));
  const b = tf.tidy(() => tf.variable(tf.zeros([5])));
  const x = tf.tensor(seeded(64, 3), [8, 8]);
  const y = tf.tensor(seeded(40, 4), [8, 5]);
  const opt = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
  for (let i = 0; i < 2; i++) {
    opt.minimize(() => tf.losses.meanSquaredError(y, tf.relu(tf.add(tf.matMul(x, w), b))));
  }
  const weights = [bits(w), bits(b)];
  opt.dispose();
  tf.dispose([w, b, x, y]);
  return {
    weights,
    leftTensors: tf.memory().numTensors - startTensors,
    leftData: heap().numDataIds() - startData,
  };
}

test("gradients and Adam steps are bit-identical with and without sharing, and leak nothing", (t) => {
  if (!onWasm(t)) return;
  const shared = train();
  uninstallWasmShareFix();
  let copied;
  try {
    copied = train();
  } finally {
    installWasmShareFix();
  }
  assert.deepEqual(shared.weights, copied.weights);
  assert.equal(shared.leftTensors, 0);
  assert.equal(shared.leftData, 0);
});

test("a clone of a variable kept across an in-place Adam step keeps the old values", (t) => {
  if (!onWasm(t)) return;
  const w = tf.tidy(() => tf.variable(tf.tensor(seeded(300, 5), [100, 3])));
  const old = tf.clone(w);
  const oldBits = bits(old);
  const opt = new FusedAdam(0.1, 0.9, 0.999, 1e-7);
  opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar);
  assert.deepEqual(bits(old), oldBits, "the clone is unchanged");
  assert.notDeepEqual(bits(w), oldBits, "the variable moved");
  old.dispose();
  const alone = bits(w);
  opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar);
  assert.notDeepEqual(bits(w), alone, "alone again, the variable still moves");
  opt.dispose();
  w.dispose();
});
