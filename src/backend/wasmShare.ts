/**
 * `Identity`, and a `Cast` to the same dtype, on the wasm backend share the input's buffer
 * instead of copying it, as the cpu backend and wasm's own `Reshape` do.
 *
 * Behaviour: tfjs-backend-wasm 4.22 copies the whole tensor for both. tfjs saves every tensor a
 * gradient needs through `Identity` (`Engine.clone`), so a training step of the MLP
 * 784-256-256-10 at batch 512 made 31 copies (about 6 MB; 0.5–0.9 ms of its 20 ms), and the
 * gradients cast float32 to float32 seven times. The wrapper registered by
 * `installWasmShareFix` counts one more reference on the input's buffer and returns it under a
 * new tensor. Tensors are immutable, so the values cannot differ; the one in-place writer in
 * tslab-ml (`FusedAdam`) writes only into buffers with a single reference. A cast to `bool`
 * gives `x ≠ 0` as on the cpu backend (wasm's own stored the number modulo 256: −2 gave 254 and
 * 256 gave false). Strings, complex numbers and other casts run the original kernels. Idempotent;
 * `uninstallWasmShareFix` restores the originals (benchmarks, tests).
 *
 * @example
 * installWasmShareFix(); // tf.clone(x) on wasm now costs no copy
 */
import * as tf from "@tensorflow/tfjs";
import { unwrapWasmKernel, wrapWasmKernel, type FastPath, type KernelArgs } from "./kernelWrap";
import type { WasmBackend } from "./wasmCode/wasmBackend";

const TAG = Symbol.for("tslab-ml.wasmShare.original");

/** The kernels this module wraps. */
export const SHARED_KERNELS = [tf.Identity, tf.Cast] as const;

const SHAREABLE: readonly string[] = ["float32", "int32", "bool"];

/** The input under a new tensor with one more reference on its buffer, or null. */
export function sharedOutput(args: KernelArgs): tf.TensorInfo | null {
  const x = args.inputs.x;
  if (x === undefined || !SHAREABLE.includes(x.dtype)) return null;
  const dtype = args.attrs?.dtype as tf.DataType | undefined;
  if (dtype !== undefined && dtype !== x.dtype) return null;
  (args.backend as unknown as WasmBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** `cast(x, "bool")` of float32 or int32 x as `x ≠ 0` (NaN is true), or null. */
export function boolCast(args: KernelArgs): tf.TensorInfo | null {
  const x = args.inputs.x;
  if (x === undefined || args.attrs?.dtype !== "bool") return null;
  if (x.dtype !== "float32" && x.dtype !== "int32") return null;
  const backend = args.backend as unknown as WasmBackend;
  const out = backend.makeOutput(x.shape, "bool");
  const from = backend.typedArrayFromHeap(x);
  const to = backend.typedArrayFromHeap(out);
  for (let i = 0; i < from.length; i++) to[i] = from[i] !== 0 ? 1 : 0;
  return out;
}

const FAST: Record<(typeof SHARED_KERNELS)[number], FastPath> = {
  Identity: sharedOutput,
  Cast: (args) => sharedOutput(args) ?? boolCast(args),
};

/** Wraps wasm's `Identity` and `Cast`; returns whether both are wrapped after the call. */
export function installWasmShareFix(): boolean {
  return SHARED_KERNELS.map((name) => wrapWasmKernel(name, TAG, FAST[name])).every(Boolean);
}

/** Restores wasm's own `Identity` and `Cast`; returns whether a wrapper was removed. */
export function uninstallWasmShareFix(): boolean {
  return SHARED_KERNELS.map((name) => unwrapWasmKernel(name, TAG)).some(Boolean);
}
