import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { Gemm, type GemmHeap } from "../../src/backend/gemm/gemm";
import {
  activeWasmGemm,
  gemmMatMul,
  setWasmGemm,
  withPackedWeights,
} from "../../src/backend/gemm/gemmKernel";
import { gemmModuleBytes } from "../../src/backend/gemm/gemmModule";
import { webAssembly } from "../../src/backend/wasmCode/webAssembly";
import { installWasmMatMulFix } from "../../src/backend/wasmMatMul";
import { seeded } from "../keras/setup";

interface WasmInternals {
  wasm: { asm: { memory: GemmHeap["memory"] }; _malloc(n: number): number; _free(p: number): void };
}

let heap: GemmHeap;

before(async () => {
  await tf.setBackend("wasm");
  await tf.ready();
  installWasmMatMulFix();
  const { wasm } = tf.backend() as unknown as WasmInternals;
  heap = { memory: wasm.asm.memory, malloc: (n) => wasm._malloc(n), free: (p) => wasm._free(p) };
});

/** Deterministic values in [-1, 1), as float32. */
const values = (size: number, seed: number) => Float32Array.from(seeded(size, seed));

interface Case {
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
  bias: boolean;
  relu: boolean;
}

/**
 * Runs one product on the heap with `gemm` and checks every output against a float64 product
 * of the same float32 inputs: |ours − exact| ≤ 1e-6·(Σ|a·b| + |bias|) + 1e-30.
 */
function check(gemm: Gemm, c: Case): void {
  const { m, k, n } = c;
  const a = values(m * k, m * 31 + k);
  const b = values(k * n, n * 17 + k);
  const bias = values(n, n + 5);
  const bytes = 4 * (m * k + k * n + n + m * n);
  const base = heap.malloc(bytes);
  try {
    const [aAt, bAt, biasAt, cAt] = [base, base + 4 * m * k, base + 4 * (m * k + k * n)].concat(
      base + 4 * (m * k + k * n + n),
    );
    const f32 = new Float32Array(heap.memory.buffer);
    f32.set(a, aAt / 4);
    f32.set(b, bAt / 4);
    f32.set(bias, biasAt / 4);
    f32.fill(Number.NaN, cAt / 4, cAt / 4 + m * n);
    gemm.multiply({ ...c, a: aAt, b: bAt, c: cAt, bias: c.bias ? biasAt : 0 });
    const out = new Float32Array(heap.memory.buffer, cAt, m * n);
    const A = (i: number, p: number) => (c.transposeA ? a[p * m + i] : a[i * k + p]);
    const B = (p: number, j: number) => (c.transposeB ? b[j * k + p] : b[p * n + j]);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let exact = c.bias ? bias[j] : 0;
        let scale = Math.abs(exact);
        for (let p = 0; p < k; p++) {
          exact += A(i, p) * B(p, j);
          scale += Math.abs(A(i, p) * B(p, j));
        }
        if (c.relu) exact = Math.max(exact, 0);
        const got = out[i * n + j];
        const label = `${JSON.stringify(c)} fma=${gemm.fma} at [${i},${j}]`;
        assert.ok(Math.abs(got - exact) <= 1e-6 * scale + 1e-30, `${label}: ${got} vs ${exact}`);
      }
    }
  } finally {
    heap.free(base);
  }
}

/** Shapes with every kind of edge: rows and columns past whole tiles, k = 1, several chunks. */
const SHAPES: Array<[number, number, number]> = [
  [1, 1, 1],
  [3, 2, 5],
  [4, 7, 8],
  [5, 1, 9],
  [13, 30, 17],
  [64, 100, 40],
  [130, 784, 24], // 130 rows in chunks of 40 (k = 784): three whole chunks and a part
  [1000, 100, 16], // chunks of 324 rows
];

/** The default GEMM (which enables relaxed SIMD where V8 has it), and the plain one. */
function gemms(): Gemm[] {
  const auto = new Gemm(heap);
  return auto.fma ? [new Gemm(heap, false), auto] : [auto];
}

test("the GEMM matches a float64 product for every transpose, edge shape and chunking", () => {
  for (const gemm of gemms()) {
    for (const [m, k, n] of SHAPES) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          check(gemm, { m, k, n, transposeA, transposeB, bias: false, relu: false });
        }
      }
    }
  }
});

test("the GEMM adds the bias, then applies ReLU", () => {
  for (const gemm of gemms()) {
    for (const [m, k, n] of SHAPES.slice(0, 6)) {
      check(gemm, { m, k, n, transposeA: false, transposeB: false, bias: true, relu: false });
      check(gemm, { m, k, n, transposeA: true, transposeB: true, bias: true, relu: true });
      check(gemm, { m, k, n, transposeA: false, transposeB: true, bias: false, relu: true });
    }
  }
});

test("relaxed SIMD is found where the engine has it (Node 20 after V8's flag, Node 22 on)", () => {
  const gemm = new Gemm(heap);
  assert.equal(gemm.fma, webAssembly.validate(gemmModuleBytes({ fma: true })));
  if (Number(process.versions.node.split(".")[0]) >= 20) assert.equal(gemm.fma, true);
});

test("a product frees its scratch memory", () => {
  const gemm = new Gemm(heap);
  const shape: Case = {
    m: 64,
    k: 300,
    n: 40,
    transposeA: false,
    transposeB: true,
    bias: true,
    relu: true,
  };
  check(gemm, shape);
  const probe = heap.malloc(16);
  heap.free(probe);
  for (let i = 0; i < 5; i++) check(gemm, shape);
  const again = heap.malloc(16);
  heap.free(again);
  assert.equal(again, probe, "the allocator hands out the same block: nothing was kept");
});

/** The values of `f()` with the GEMM on and with XNNPACK (the GEMM off). */
function bothWays(f: () => tf.Tensor): { gemm: Float32Array; xnnpack: Float32Array } {
  const run = (on: boolean) => {
    const previous = setWasmGemm(on);
    try {
      const t = tf.tidy(f);
      const v = t.dataSync() as Float32Array;
      t.dispose();
      return v;
    } finally {
      setWasmGemm(previous);
    }
  };
  return { gemm: run(true), xnnpack: run(false) };
}

function assertClose(actual: Float32Array, expected: Float32Array, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: size`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  assert.ok(scale > 0 && diff <= 1e-5 * scale, `${label}: max diff ${diff}, scale ${scale}`);
}

const tensor = (shape: number[], seed: number) =>
  tf.tensor(
    values(
      shape.reduce((x, y) => x * y, 1),
      seed,
    ),
    shape,
  );

test("tf.matMul and tf.fused.matMul on wasm run the GEMM and agree with XNNPACK", () => {
  const before = tf.memory().numTensors;
  const a = tensor([70, 96], 1);
  const b = tensor([96, 40], 2);
  const bT = tensor([40, 96], 3);
  const aT = tensor([96, 70], 4);
  const bias = tensor([40], 5);
  const batchA = tensor([3, 70, 96], 6);
  const batchB = tensor([3, 96, 40], 7);
  const cases: Array<[string, () => tf.Tensor]> = [
    ["NN", () => tf.matMul(a, b)],
    ["TN", () => tf.matMul(aT, b, true, false)],
    ["NT", () => tf.matMul(a, bT, false, true)],
    ["TT", () => tf.matMul(aT, bT, true, true)],
    ["batch · batch", () => tf.matMul(batchA, batchB)],
    ["batch · one", () => tf.matMul(batchA, b)],
    ["one · batch", () => tf.matMul(a, batchB)],
    ["fused bias relu", () => tf.fused.matMul({ a, b, bias, activation: "relu" })],
    ["fused NT bias", () => tf.fused.matMul({ a, b: bT, transposeB: true, bias })],
    ["fused elu (XNNPACK path)", () => tf.fused.matMul({ a, b, bias, activation: "elu" })],
  ];
  for (const [label, f] of cases) {
    const { gemm, xnnpack } = bothWays(f);
    assertClose(gemm, xnnpack, label);
  }
  tf.dispose([a, b, bT, aT, bias, batchA, batchB]);
  assert.equal(tf.memory().numTensors, before, "no tensor leaked");
});

test("gemmMatMul takes the calls it handles and leaves the rest to the original kernel", () => {
  const backend = tf.backend();
  const a = tensor([70, 96], 1);
  const b = tensor([96, 40], 2);
  const bias = tensor([40], 3);
  const small = tensor([8, 8], 4);
  const tiny = tensor([500, 2, 2], 7);
  const ints = tf.ones([70, 96], "int32");
  const odd = tensor([2, 70, 96], 5);
  const oddB = tensor([3, 96, 40], 6);
  const plain = { transposeA: false, transposeB: false };
  const run = (inputs: tf.NamedTensorInfoMap, fused: boolean, attrs: tf.NamedAttrMap = plain) => {
    const out = gemmMatMul({ inputs, backend, attrs }, fused);
    if (out !== null) backend.disposeData(out.dataId);
    return out === null ? "original" : "gemm";
  };
  assert.equal(run({ a, b }, false), "gemm");
  assert.equal(run({ a, b, bias }, true, { ...plain, activation: "relu" }), "gemm");
  assert.equal(run({ a, b, bias }, true, { ...plain, activation: "sigmoid" }), "original");
  assert.equal(run({ a, b, bias: a }, true, { ...plain, activation: "linear" }), "original");
  assert.equal(run({ a: small, b: small }, false), "gemm", "a single small product");
  assert.equal(run({ a: tiny, b: tiny }, false), "original", "a batch of tiny matrices");
  assert.equal(run({ a: ints, b }, false), "original", "int32");
  assert.equal(run({ a: odd, b: oddB }, false), "original", "batch 2 against 3");
  const previous = setWasmGemm(false);
  assert.equal(run({ a, b }, false), "original", "switched off");
  setWasmGemm(previous);
  tf.dispose([a, b, bias, small, tiny, ints, odd, oddB]);
});

test("withPackedWeights packs each B once and gives the same products, then frees the panels", () => {
  const a1 = tensor([70, 96], 11);
  const a2 = tensor([70, 96], 12);
  const w = tensor([96, 40], 13);
  const bias = tensor([40], 14);
  const run = () =>
    [a1, a2, a1].map((a) => tf.tidy(() => tf.fused.matMul({ a, b: w, bias, activation: "relu" })));
  const plain = run();
  const gemm = activeWasmGemm();
  assert.ok(gemm !== null);
  assert.equal(gemm.keptPanels, 0, "nothing kept outside withPackedWeights");
  const kept = withPackedWeights(() => {
    const outs = run();
    assert.equal(gemm.keptPanels, 1, "w's panels are kept once for the three products");
    // The same data seen with another shape (reshape keeps the dataId) is packed anew.
    const w2 = w.reshape([48, 80]);
    const x = tensor([70, 48], 15);
    const other = tf.matMul(x, w2);
    const expected = bothWays(() => tf.matMul(x, w.reshape([48, 80])));
    assertClose(other.dataSync() as Float32Array, expected.gemm, "reshaped B");
    tf.dispose([w2, x, other]);
    assert.equal(gemm.keptPanels, 1, "the reshaped w replaced its entry");
    return outs;
  });
  for (let i = 0; i < plain.length; i++) {
    assert.deepEqual(kept[i].dataSync(), plain[i].dataSync(), `product ${i}: same values`);
  }
  assert.equal(gemm.keptPanels, 0, "the kept panels were freed");
  assert.throws(
    () =>
      withPackedWeights(() => {
        tf.tidy(() => tf.matMul(a1, w)).dispose();
        assert.equal(gemm.keptPanels, 1);
        throw new Error("inside");
      }),
    /inside/,
  );
  assert.equal(gemm.keptPanels, 0, "freed after an error too");
  tf.dispose([a1, a2, w, bias, ...plain, ...kept]);
});
