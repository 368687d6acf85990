import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { HostRows } from "../../src/keras/engine/hostRows";
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
