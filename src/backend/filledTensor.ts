/**
 * A new tensor whose values a function writes: on the wasm backend straight into the tensor's
 * memory on the wasm heap, elsewhere into a typed array then given to `tf.tensor`.
 *
 * Behaviour: `fill` gets a zeroed-or-uninitialised view of exactly `size(shape)` elements of
 * the dtype's array type (Float32Array, Int32Array, Uint8Array for bool) and must write every
 * element; it must not create tensors (the view is of the heap, which may move when it grows).
 * On wasm this saves the intermediate array and its copy: a 512-row batch of 784 features is
 * 1.6 MB less to allocate and copy per training step. Empty shapes and other dtypes take
 * `tf.tensor`. The caller owns the tensor.
 *
 * `heapValues(t)` is the other direction: on wasm, a view of a float32, int32 or bool tensor's
 * values in place on the heap (valid until the heap grows: take it right before use, e.g. inside
 * `fill`), else null.
 *
 * @example
 * const t = filledTensor([2, 3], "float32", (v) => v.set([1, 2, 3, 4, 5, 6]));
 * const rows = filledTensor([1, 3], "float32", (v) => v.set(heapValues(t)!.subarray(3, 6)));
 */
import * as tf from "@tensorflow/tfjs";
import type { WasmBackend } from "./wasmCode/wasmBackend";

export type FilledDtype = "float32" | "int32" | "bool";
export type FilledValues = Float32Array | Int32Array | Uint8Array;

const ARRAYS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array };

/** A tensor of `shape` and `dtype` with the values `fill` writes. */
export function filledTensor(
  shape: number[],
  dtype: FilledDtype,
  fill: (values: FilledValues) => void,
): tf.Tensor {
  const size = tf.util.sizeFromShape(shape);
  if (tf.getBackend() === "wasm" && size > 0) {
    const backend = tf.backend() as unknown as WasmBackend;
    const info = backend.makeOutput(shape, dtype);
    fill(backend.typedArrayFromHeap(info));
    return tf.engine().makeTensorFromTensorInfo(info, backend as unknown as tf.KernelBackend);
  }
  const values = new ARRAYS[dtype](size);
  fill(values);
  return tf.tensor(values, shape, dtype);
}

/**
 * A view of `t`'s values on the wasm heap, or null (another backend, dtype, or empty). Values
 * still on another backend (a tensor made while the cpu backend served) are moved to the heap
 * first, by tfjs's own data mover.
 */
export function heapValues(t: tf.Tensor): FilledValues | null {
  if (tf.getBackend() !== "wasm" || t.size === 0 || !(t.dtype in ARRAYS)) return null;
  const backend = tf.backend() as unknown as WasmBackend;
  return backend.typedArrayFromHeap(t);
}
