import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { installWasmSumFix, leadingSum, uninstallWasmSumFix } from "../../src/backend/wasmSum";
import { seeded } from "../keras/setup";

before(async () => {
  await tf.setBackend("wasm");
  await tf.ready();
  installWasmSumFix();
});

const tensor = (shape: number[], seed: number) =>
  tf.tensor(
    seeded(tf.util.sizeFromShape(shape), seed).map((v) => v * 10 ** (seed % 5)),
    shape,
  );

/** `f()` with the fix installed and with wasm's own Sum, as float32 bits. */
function bothWays(f: () => tf.Tensor): { fixed: tf.Tensor; original: tf.Tensor } {
  const fixed = f();
  uninstallWasmSumFix();
  try {
    return { fixed, original: f() };
  } finally {
    installWasmSumFix();
  }
}

const CASES: Array<[string, number[], number | number[], boolean]> = [
  ["dense bias gradient 512×256, axis 0", [512, 256], 0, false],
  ["columns not a multiple of 4", [37, 7], 0, false],
  ["one column", [9, 1], 0, false],
  ["one row", [1, 9], 0, false],
  ["leading two axes of a 3-D tensor", [3, 5, 7], [0, 1], false],
  ["leading axes given negative", [3, 5, 7], [-3, -2], false],
  [
    "leading axes out of order (the original kernel: it sums in that order)",
    [3, 5, 7],
    [1, 0],
    false,
  ],
  ["keepDims", [6, 10], 0, true],
  ["inner axis (the original kernel)", [6, 10], 1, false],
  ["all axes (the original kernel)", [6, 10], [0, 1], false],
];

test("sum over leading axes is bit-identical to wasm's own Sum", () => {
  for (const [label, shape, axis, keepDims] of CASES) {
    const x = tensor(shape, shape.length + 3);
    const { fixed, original } = bothWays(() => tf.sum(x, axis, keepDims));
    assert.deepEqual(fixed.shape, original.shape, `${label}: shape`);
    const [a, b] = [fixed, original].map(
      (t) => new Uint32Array((t.dataSync() as Float32Array).slice().buffer),
    );
    assert.deepEqual(a, b, `${label}: float32 bits`);
    tf.dispose([x, fixed, original]);
  }
});

test("the column sums are the sums (float64 reference within float32 rounding)", () => {
  const [rows, cols] = [300, 13];
  const values = seeded(rows * cols, 7);
  const x = tf.tensor(values, [rows, cols]);
  const sums = tf.sum(x, 0).dataSync();
  for (let j = 0; j < cols; j++) {
    let exact = 0;
    let scale = 0;
    for (let i = 0; i < rows; i++) {
      exact += Math.fround(values[i * cols + j]);
      scale += Math.abs(values[i * cols + j]);
    }
    assert.ok(Math.abs(sums[j] - exact) <= 1e-6 * scale, `column ${j}: ${sums[j]} vs ${exact}`);
  }
  x.dispose();
});

test("leadingSum takes leading-axis float32 sums and leaves the rest to the original", () => {
  const backend = tf.backend();
  const x = tensor([4, 6], 1);
  const ints = tf.ones([4, 6], "int32");
  const empty = tf.zeros([0, 6]);
  const take = (t: tf.Tensor, axis: number | number[]) => {
    const out = leadingSum({ inputs: { x: t }, backend, attrs: { axis, keepDims: false } });
    if (out !== null) backend.disposeData(out.dataId);
    return out !== null;
  };
  assert.equal(take(x, 0), true);
  assert.equal(take(x, 1), false, "inner axis");
  assert.equal(take(x, [0, 1]), false, "all axes");
  assert.equal(take(ints, 0), false, "int32");
  assert.equal(take(empty, 0), false, "empty");
  assert.equal(installWasmSumFix(), true, "installing twice keeps one wrapper");
  tf.dispose([x, ints, empty]);
});

test("no tensor leaks through the fixed Sum, also inside a gradient", () => {
  const before = tf.memory().numTensors;
  const w = tensor([8, 16], 2);
  const x = tensor([32, 8], 3);
  const b0 = tf.zeros([16]);
  const g = tf.grad((b: tf.Tensor) => tf.sum(tf.square(tf.add(tf.matMul(x, w), b))))(b0);
  assert.deepEqual(g.shape, [16]);
  tf.dispose([w, x, b0, g]);
  assert.equal(tf.memory().numTensors, before);
});
