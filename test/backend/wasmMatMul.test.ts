import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { selectBackend } from "../../src/backend/select";
import {
  installWasmMatMulFix,
  isWasmMatMulFixInstalled,
  uninstallWasmMatMulFix,
} from "../../src/backend/wasmMatMul";

/** Deterministic uniform values in [-1, 1). */
function randomValues(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}

/** Runs `f` on the given backend and returns its result's values and shape. */
async function runOn(
  backend: string,
  f: () => tf.Tensor,
): Promise<{ values: Float32Array; shape: number[] }> {
  await tf.setBackend(backend);
  const result = tf.tidy(f);
  const out = { values: result.dataSync() as Float32Array, shape: result.shape };
  result.dispose();
  return out;
}

/** Asserts max|actual - expected| <= 1e-4 * max|expected| and identical shapes. */
function assertClose(
  actual: { values: Float32Array; shape: number[] },
  expected: { values: Float32Array; shape: number[] },
  label: string,
): void {
  assert.deepEqual(actual.shape, expected.shape, `${label}: shape`);
  let maxDiff = 0;
  let scale = 0;
  for (let i = 0; i < expected.values.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(actual.values[i] - expected.values[i]));
    scale = Math.max(scale, Math.abs(expected.values[i]));
  }
  assert.ok(scale > 0, `${label}: reference is all zeros`);
  assert.ok(maxDiff <= 1e-4 * scale, `${label}: max abs diff ${maxDiff} vs scale ${scale}`);
}

/** Compares f on wasm (patched) with f on cpu. */
async function compareWithCpu(label: string, f: () => tf.Tensor): Promise<void> {
  const expected = await runOn("cpu", f);
  const actual = await runOn("wasm", f);
  assertClose(actual, expected, label);
}

const COMBOS: ReadonlyArray<[boolean, boolean]> = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

/** Operand shapes so that the product is always [...batch, m, n] with inner size k. */
function shapes(batch: number[], m: number, k: number, n: number, tA: boolean, tB: boolean) {
  return { a: [...batch, ...(tA ? [k, m] : [m, k])], b: [...batch, ...(tB ? [n, k] : [k, n])] };
}

before(async () => {
  process.env.TSLAB_ML_QUIET = "1";
  const selection = await selectBackend({ request: "wasm" });
  assert.equal(selection.name, "wasm");
});

test("the fix is installed on wasm, idempotently, and can be removed and restored", () => {
  assert.equal(isWasmMatMulFixInstalled(), true);
  const wrapped = tf.getKernel(tf.BatchMatMul, "wasm").kernelFunc;
  assert.deepEqual(installWasmMatMulFix(), [tf.BatchMatMul, tf._FusedMatMul]);
  assert.equal(
    tf.getKernel(tf.BatchMatMul, "wasm").kernelFunc,
    wrapped,
    "second install is a no-op",
  );
  assert.deepEqual(uninstallWasmMatMulFix(), [tf.BatchMatMul, tf._FusedMatMul]);
  assert.equal(isWasmMatMulFixInstalled(), false);
  assert.notEqual(tf.getKernel(tf.BatchMatMul, "wasm").kernelFunc, wrapped);
  assert.deepEqual(uninstallWasmMatMulFix(), [], "second uninstall is a no-op");
  installWasmMatMulFix();
  assert.equal(isWasmMatMulFixInstalled(), true);
  // The original setupFunc is kept, so re-activating wasm still initialises the kernel.
  assert.equal(typeof tf.getKernel(tf.BatchMatMul, "wasm").setupFunc, "function");
});

test("matMul equals cpu in all four transpose forms (rank 2)", async () => {
  for (const [tA, tB] of COMBOS) {
    const s = shapes([], 37, 53, 29, tA, tB);
    const a = randomValues(37 * 53, 1);
    const b = randomValues(53 * 29, 2);
    await compareWithCpu(`matMul tA=${tA} tB=${tB}`, () =>
      tf.matMul(tf.tensor(a, s.a), tf.tensor(b, s.b), tA, tB),
    );
  }
});

test("batched matMul (rank 3, and rank 3 x rank 2 broadcast) equals cpu", async () => {
  for (const [tA, tB] of COMBOS) {
    const s = shapes([3], 17, 11, 13, tA, tB);
    const a = randomValues(3 * 17 * 11, 3);
    const b = randomValues(3 * 11 * 13, 4);
    await compareWithCpu(`batched tA=${tA} tB=${tB}`, () =>
      tf.matMul(tf.tensor(a, s.a), tf.tensor(b, s.b), tA, tB),
    );
    const b2 = shapes([], 17, 11, 13, tA, tB).b;
    await compareWithCpu(`broadcast tA=${tA} tB=${tB}`, () =>
      tf.matMul(tf.tensor(a, s.a), tf.tensor(b.subarray(0, 11 * 13), b2), tA, tB),
    );
  }
});

test("degenerate shapes (a size-1 axis) still match cpu", async () => {
  for (const [tA, tB] of COMBOS) {
    const s = shapes([], 1, 7, 5, tA, tB);
    await compareWithCpu(`m=1 tA=${tA} tB=${tB}`, () =>
      tf.matMul(tf.tensor(randomValues(7, 5), s.a), tf.tensor(randomValues(35, 6), s.b), tA, tB),
    );
  }
});

test("_FusedMatMul (tf.fused.matMul with bias + relu) equals cpu in all four forms", async () => {
  for (const [tA, tB] of COMBOS) {
    const s = shapes([], 31, 19, 23, tA, tB);
    const a = randomValues(31 * 19, 7);
    const b = randomValues(19 * 23, 8);
    const bias = randomValues(23, 9);
    await compareWithCpu(`fused tA=${tA} tB=${tB}`, () =>
      tf.fused.matMul({
        a: tf.tensor2d(a, s.a as [number, number]),
        b: tf.tensor2d(b, s.b as [number, number]),
        transposeA: tA,
        transposeB: tB,
        bias: tf.tensor1d(bias),
        activation: "relu",
      }),
    );
  }
});

test("gradients through fused matMul (which use transposed products) equal cpu", async () => {
  const a = randomValues(16 * 12, 10);
  const b = randomValues(12 * 8, 11);
  const bias = randomValues(8, 12);
  const gradsOf = (which: 0 | 1 | 2) => () => {
    const f = (x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) =>
      tf.fused
        .matMul({ a: x as tf.Tensor2D, b: y as tf.Tensor2D, bias: z, activation: "relu" })
        .square()
        .sum();
    const g = tf.grads(f)([tf.tensor2d(a, [16, 12]), tf.tensor2d(b, [12, 8]), tf.tensor1d(bias)]);
    return g[which];
  };
  await compareWithCpu("d/da", gradsOf(0));
  await compareWithCpu("d/db", gradsOf(1));
  await compareWithCpu("d/dbias", gradsOf(2));
});

test("non-float32 and mismatched inputs are rejected with the original kernel's errors", async () => {
  await tf.setBackend("wasm");
  const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
  assert.throws(() => tf.matMul(x, x, false, false), /inner shapes \(3\) and \(2\)/);
  assert.throws(() => tf.matMul(x.toInt(), x.toInt(), false, true), /non-float32/);
  const ok = tf.matMul(x, x, false, true);
  assert.deepEqual(ok.arraySync(), [
    [14, 32],
    [32, 77],
  ]);
  tf.dispose([x, ok]);
});

test("no tensor or wasm data-bucket leaks after repeated transposed products", async () => {
  await tf.setBackend("wasm");
  const backend = tf.engine().backend;
  const a = tf.tensor2d(randomValues(64 * 48, 13), [64, 48]);
  const b = tf.tensor2d(randomValues(64 * 32, 14), [64, 32]);
  const bias = tf.tensor1d(randomValues(32, 15));
  const round = () => {
    for (const [tA, tB] of COMBOS) {
      const x = tA ? a : a.transpose();
      const y = tB ? b.transpose() : b;
      tf.dispose([
        tf.matMul(x, y, tA, tB),
        tf.fused.matMul({ a: x, b: y, transposeA: tA, transposeB: tB, bias, activation: "relu" }),
        x === a ? [] : x,
        y === b ? [] : y,
      ]);
    }
  };
  round(); // warm-up
  const tensorsBefore = tf.memory().numTensors;
  const bucketsBefore = backend.numDataIds();
  for (let i = 0; i < 20; i++) round();
  assert.equal(tf.memory().numTensors, tensorsBefore, "numTensors changed");
  assert.equal(backend.numDataIds(), bucketsBefore, "wasm numDataIds changed");
  tf.dispose([a, b, bias]);
});
