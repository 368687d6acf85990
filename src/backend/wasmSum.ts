/**
 * A faster `Sum` over leading axes on the wasm backend: the bias gradient of every Dense layer
 * (`sum(dy, 0)`) and the batch sums of losses and metrics.
 *
 * Behaviour: tfjs-backend-wasm 4.22 reduces only innermost axes, so for `sum(x, 0)` it first
 * transposes x (0.5 ms for a 512×256 gradient here). The wrapper registered by
 * `installWasmSumFix` sums a float32 tensor over its leading axes (axis 0, or 0…p−1) directly,
 * row by row, with a SIMD loop (`wasmCode/columnSumModule.ts`). Each output is summed in the same
 * order as tfjs's kernel, so the results are bit-identical. Other calls (other axes or dtypes,
 * empty tensors, all axes) run the original kernel. Idempotent; `uninstallWasmSumFix` restores the
 * original (benchmarks, tests).
 *
 * @example
 * installWasmSumFix(); // tf.sum(dy, 0) on wasm now reads dy once, in memory order
 */
import * as tf from "@tensorflow/tfjs";
import type { WasmBackend } from "./wasmCode/wasmBackend";
import { columnSumModuleBytes } from "./wasmCode/columnSumModule";
import { exportsOn } from "./wasmCode/instantiate";
import { unwrapWasmKernel, wrapWasmKernel, type KernelArgs } from "./kernelWrap";

type ColumnSum = (x: number, rows: number, cols: number, out: number) => void;

const TAG = Symbol.for("tslab-ml.wasmSum.original");

/** The leading-axes sum of `args`, or null when the original kernel should run. */
export function leadingSum(args: KernelArgs): tf.TensorInfo | null {
  const x = args.inputs.x;
  if (x === undefined || x.dtype !== "float32" || x.shape.length < 2) return null;
  // Axes 0…p−1 in this order: tfjs sums over the axes in the order given, so e.g. [1, 0] would
  // add the values in another order.
  const reduced = tf.util.parseAxisParam(args.attrs?.axis as number | number[], x.shape);
  const p = reduced.length;
  if (p === 0 || p === x.shape.length || reduced.some((axis, i) => axis !== i)) return null;
  const rows = tf.util.sizeFromShape(x.shape.slice(0, p));
  const cols = tf.util.sizeFromShape(x.shape.slice(p));
  if (rows === 0 || cols === 0) return null;
  const backend = args.backend as unknown as WasmBackend;
  const kernel = exportsOn<{ columnSum: ColumnSum }>(
    backend.wasm?.asm?.memory,
    "columnSum",
    columnSumModuleBytes,
  );
  const xAt = backend.dataIdMap.get(x.dataId)?.memoryOffset;
  if (kernel === null || xAt === undefined) return null;
  const keep = args.attrs?.keepDims === true;
  const shape = keep ? [...reduced.map(() => 1), ...x.shape.slice(p)] : x.shape.slice(p);
  const out = backend.makeOutput(shape, "float32");
  kernel.columnSum(xAt, rows, cols, backend.dataIdMap.get(out.dataId)?.memoryOffset ?? 0);
  return out;
}

/** Registers the wrapper on wasm's `Sum`; returns whether it is installed after the call. */
export function installWasmSumFix(): boolean {
  return wrapWasmKernel(tf.Sum, TAG, leadingSum);
}

/** Restores wasm's own `Sum`; returns whether a wrapper was removed. */
export function uninstallWasmSumFix(): boolean {
  return unwrapWasmKernel(tf.Sum, TAG);
}
