import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { HostRows } from "../../src/keras/engine/hostRows";
import { filledTensor } from "../../src/backend/filledTensor";
import { backendReady } from "./setup";

before(backendReady);

test("HostRows.slice and .gather give exactly tf.slice and tf.gather, dtype and shape kept", () => {
  const x = tf.randomUniform([7, 3, 2]);
  const y = tf.tensor1d([0, 1, 2, 3, 4, 5, 6], "int32");
  const before = tf.memory().numTensors;
  const rows = new HostRows([x, y]);
  assert.equal(rows.rows, 7);
  const [xs, ys] = rows.slice(2, 4);
  assert.deepEqual(xs.shape, [4, 3, 2]);
  assert.equal(ys.dtype, "int32");
  assert.deepEqual(xs.arraySync(), tf.slice(x, 2, 4).arraySync());
  assert.deepEqual(ys.arraySync(), [2, 3, 4, 5]);
  const idx = Int32Array.of(6, 0, 3, 3);
  const [xg, yg] = rows.gather(idx);
  assert.deepEqual(xg.arraySync(), tf.gather(x, tf.tensor1d(idx, "int32")).arraySync());
  assert.deepEqual(yg.arraySync(), [6, 0, 3, 3]);
  tf.dispose([xs, ys, xg, yg]);
  assert.ok(tf.memory().numTensors <= before + 3, "only the checks' own tensors remain");
});

test("HostRows batches are tracked tensors with the right values, and free their memory", () => {
  const x = tf.tensor(
    Array.from({ length: 60 }, (_, i) => i / 7),
    [6, 2, 5],
  );
  const expected = tf.tidy(() => tf.gather(x, [5, 0, 5]).arraySync());
  const y = tf.tensor([3, 1, 4, 1, 5, 9], [6], "int32");
  const rows = new HostRows([x, y]);
  const before = tf.memory();
  const [xs, ys] = rows.gather([5, 0, 5]);
  assert.deepEqual(xs.shape, [3, 2, 5]);
  assert.equal(tf.memory().numBytes - before.numBytes, 3 * 10 * 4 + 3 * 4);
  assert.deepEqual(xs.arraySync(), expected);
  assert.deepEqual(Array.from(ys.dataSync()), [9, 3, 9]);
  const [xe, ye] = rows.slice(2, 0);
  assert.deepEqual([xe.shape, ye.shape], [[0, 2, 5], [0]]);
  tf.dispose([xs, ys, xe, ye]);
  assert.deepEqual(
    [tf.memory().numTensors, tf.memory().numBytes],
    [before.numTensors, before.numBytes],
  );
  tf.dispose([x, y]);
});

test("filledTensor writes every dtype's values and an empty shape", () => {
  const f = filledTensor([2, 2], "float32", (v) => v.set([0.5, -1, 2, 3]));
  assert.deepEqual(f.arraySync(), [
    [0.5, -1],
    [2, 3],
  ]);
  const i = filledTensor([3], "int32", (v) => v.set([7, -8, 9]));
  assert.deepEqual([i.dtype, Array.from(i.dataSync())], ["int32", [7, -8, 9]]);
  const b = filledTensor([2], "bool", (v) => v.set([1, 0]));
  assert.deepEqual([b.dtype, Array.from(b.dataSync())], ["bool", [1, 0]]);
  const e = filledTensor([0, 4], "float32", () => undefined);
  assert.deepEqual(e.shape, [0, 4]);
  tf.dispose([f, i, b, e]);
});

test("on wasm the rows are read in place, so a tensor disposed mid-way is a clear error", (t) => {
  if (tf.getBackend() !== "wasm") return t.skip(`backend is ${tf.getBackend()}`);
  const x = tf.tensor([1, 2, 3, 4, 5, 6], [3, 2]);
  const rows = new HostRows([x]);
  const [first] = rows.slice(1, 2);
  assert.deepEqual(first.arraySync(), [
    [3, 4],
    [5, 6],
  ]);
  x.dispose();
  assert.throws(() => rows.gather([0]), /HostRows: a tensor was disposed while its rows/);
  first.dispose();
});

test("a tensor made while the cpu backend served is read after it moves to the heap", async (t) => {
  if (tf.getBackend() !== "wasm") return t.skip(`backend is ${tf.getBackend()}`);
  await tf.setBackend("cpu");
  const x = tf.tensor([1, 2, 3, 4, 5, 6], [3, 2]);
  await tf.setBackend("wasm");
  try {
    const [rows] = new HostRows([x]).gather([2, 0]);
    assert.deepEqual(rows.arraySync(), [
      [5, 6],
      [1, 2],
    ]);
    rows.dispose();
  } finally {
    x.dispose();
  }
});
