/**
 * Runs tfjs's `BatchMatMul` and `_FusedMatMul` on the wasm backend with tslab-ml's SIMD GEMM
 * (`gemm.ts`) instead of XNNPACK: measured 1.5–2× faster for the lesson models' shapes, and
 * transposed operands cost no extra pass.
 *
 * Behaviour: `gemmMatMul` returns the output, or `null` when the call is not one it handles, so
 * that the caller runs the original kernel: other dtypes, empty dimensions, batch shapes that
 * neither match nor broadcast from a single matrix, activations other than linear and ReLU,
 * PReLU weights, a bias that is not one value per output column, or a batch of tiny matrices.
 * Outputs agree with XNNPACK's within float32 rounding of the sums (about 1e-6 relative). `setWasmGemm(false)` turns it off
 * (benchmarks, tests); it is on unless the environment sets `TSLAB_ML_WASM_GEMM=0`.
 *
 * @example
 * const out = gemmMatMul(args, false) ?? original.kernelFunc(args);
 */
import * as tf from "@tensorflow/tfjs";
import type { WasmBackend } from "../wasmCode/wasmBackend";
import { Gemm, type GemmHeap } from "./gemm";
import { webAssembly, type WasmMemory } from "../wasmCode/webAssembly";

type KernelArgs = Parameters<tf.KernelFunc>[0];

/**
 * A batch of matrices each below this many multiply-adds stays with XNNPACK, which loops over
 * tiny matrices with less overhead per matrix (1000 of 2×2·2×2: 106 against 851 µs; 500 of
 * 4×8·8×8: 259 against 143 µs). Single products of every size run faster here (the op, medians:
 * 32×64·64×1 12.5 against 16.5 µs, 32×256·256×10 27 against 31 µs, 256×32ᵀ·32×10 28 against 53
 * µs, 512×256ᵀ·512×10 0.23 against 0.80 ms), as do batches of larger matrices.
 */
const MIN_BATCHED_MULTIPLY_ADDS = 256;

let enabled = process.env.TSLAB_ML_WASM_GEMM !== "0";
const gemms = new WeakMap<WasmMemory, Gemm>();

/** Turns the GEMM on or off for later calls; returns the previous setting. */
export function setWasmGemm(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/** The GEMM for `backend`'s memory, or null if the backend does not expose it. */
function gemmFor(backend: unknown): Gemm | null {
  const wasm = (backend as Partial<WasmBackend>).wasm;
  const memory = wasm?.asm?.memory;
  if (!(memory instanceof webAssembly.Memory) || typeof wasm?._malloc !== "function") return null;
  let gemm = gemms.get(memory);
  if (gemm === undefined) {
    const heap: GemmHeap = {
      memory,
      malloc: (bytes) => wasm._malloc(bytes),
      free: (pointer) => wasm._free(pointer),
    };
    try {
      gemm = new Gemm(heap);
    } catch {
      return null; // e.g. a shared memory (threaded build): XNNPACK keeps the product
    }
    gemms.set(memory, gemm);
  }
  return gemm;
}

/** The GEMM of the active wasm backend, or null. Internal: for tests. */
export function activeWasmGemm(): Gemm | null {
  return tf.getBackend() === "wasm" ? gemmFor(tf.backend()) : null;
}

let keepDepth = 0;

/**
 * Runs `f` with the GEMM keeping the packed panels of every B it meets (the weights), so that a
 * `predict` over many batches packs each weight matrix once. Only for work that changes no
 * tensor's values in place (inference); the panels are freed when `f` returns or throws.
 *
 * @example
 * const out = withPackedWeights(() => batches.map((x) => model.execute(x, names)));
 */
export function withPackedWeights<T>(f: () => T): T {
  const gemm = enabled ? activeWasmGemm() : null;
  if (gemm === null) return f();
  if (keepDepth++ === 0) gemm.keepPanels(true);
  try {
    return f();
  } finally {
    if (--keepDepth === 0) gemm.keepPanels(false);
  }
}

const product = (dims: number[]) => dims.reduce((x, y) => x * y, 1);

/** The output shape and per-matrix batch strides, or null if the batch dims don't fit. */
function batchLayout(a: tf.TensorInfo, b: tf.TensorInfo) {
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const sizeA = product(outerA);
  const sizeB = product(outerB);
  const same = tf.util.arraysEqual(outerA, outerB);
  if (!same && sizeA !== 1 && sizeB !== 1) return null;
  const outer = same ? outerA : tf.broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
  return {
    outer,
    count: Math.max(sizeA, sizeB),
    stepA: sizeA === 1 ? 0 : 1,
    stepB: sizeB === 1 ? 0 : 1,
  };
}

/**
 * The wasm GEMM's result for a `BatchMatMul` (`fused` false) or `_FusedMatMul` call, or null
 * when the original kernel should run.
 */
export function gemmMatMul(args: KernelArgs, fused: boolean): tf.TensorInfo | null {
  if (!enabled) return null;
  const { inputs, attrs } = args;
  const { a, b } = inputs;
  if (a === undefined || b === undefined || a.dtype !== "float32" || b.dtype !== "float32") {
    return null;
  }
  if (a.shape.length < 2 || b.shape.length < 2) return null;
  const transposeA = attrs?.transposeA === true;
  const transposeB = attrs?.transposeB === true;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = a.shape[transposeA ? ra - 1 : ra - 2];
  const k = a.shape[transposeA ? ra - 2 : ra - 1];
  const n = b.shape[transposeB ? rb - 2 : rb - 1];
  if (k !== b.shape[transposeB ? rb - 1 : rb - 2] || m === 0 || k === 0 || n === 0) return null;
  const bias = fused ? inputs.bias : undefined;
  if (fused) {
    const activation = (attrs?.activation as string | undefined) ?? "linear";
    if (activation !== "linear" && activation !== "relu") return null;
    if (inputs.preluActivationWeights !== undefined && inputs.preluActivationWeights !== null) {
      return null;
    }
    if (bias !== undefined && bias !== null) {
      if (bias.dtype !== "float32" || bias.shape[bias.shape.length - 1] !== n) return null;
      if (product(bias.shape) !== n) return null;
    }
  }
  const layout = batchLayout(a, b);
  if (layout === null || (layout.count > 1 && m * k * n < MIN_BATCHED_MULTIPLY_ADDS)) return null;
  const gemm = gemmFor(args.backend);
  if (gemm === null) return null;
  const backend = args.backend as unknown as WasmBackend;
  const offset = (t: tf.TensorInfo) => backend.dataIdMap.get(t.dataId)?.memoryOffset;
  const [aAt, bAt] = [offset(a), offset(b)];
  const biasAt = bias === undefined || bias === null ? 0 : offset(bias);
  if (aAt === undefined || bAt === undefined || biasAt === undefined) return null;
  const out = backend.makeOutput([...layout.outer, m, n], "float32");
  const cAt = offset(out) ?? 0;
  const relu = fused && attrs?.activation === "relu";
  try {
    for (let i = 0; i < layout.count; i++) {
      gemm.multiply({
        a: aAt + i * layout.stepA * m * k * 4,
        b: bAt + i * layout.stepB * k * n * 4,
        c: cAt + i * m * n * 4,
        m,
        k,
        n,
        transposeA,
        transposeB,
        bias: biasAt,
        relu,
        bKey: layout.count === 1 ? b.dataId : undefined,
      });
    }
  } catch (error) {
    (args.backend as tf.KernelBackend).disposeData(out.dataId);
    throw error;
  }
  return out;
}
