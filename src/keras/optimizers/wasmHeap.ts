/**
 * Direct access to float32 tensors on the wasm heap, for optimizers that update their variables
 * in place (`FusedAdam`): the backend when it is wasm, whether a tensor lives there, whether its
 * buffer may be written, and how to tell the backend its values changed.
 *
 * Behaviour (tfjs-backend-wasm 4.22, backend_wasm.js): `dataIdMap.get(dataId)` gives the tensor's
 * `memoryOffset`, its C++ `id` and the number of tensors sharing the buffer (`refCount`);
 * `typedArrayFromHeap` a view of it, valid until the heap grows (make views right before use).
 * XNNPACK operators cached per C++ id keep packed copies of `matMul` / `conv2d` weights until
 * that id is disposed, so `forgetCached` must follow every in-place write.
 *
 * @example
 * const heap = wasmHeap();
 * if (heap && onHeap(heap, v) && ownsBuffer(heap, v)) {
 *   heap.typedArrayFromHeap(v).fill(0);
 *   forgetCached(heap, v);
 * }
 */
import * as tf from "@tensorflow/tfjs";

/** The part of tfjs-backend-wasm 4.22's `BackendWasm` used here. */
export interface WasmHeap {
  dataIdMap: {
    has(dataId: object): boolean;
    get(dataId: object): { id: number; memoryOffset: number; refCount: number };
  };
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  wasm: {
    asm?: { memory?: unknown };
    tfjs: {
      registerTensor(id: number, size: number, memoryOffset: number): void;
      disposeData(id: number): void;
    };
  };
}

/** The wasm backend, if it is the active one and has the API used here; else null. */
export function wasmHeap(): WasmHeap | null {
  if (tf.getBackend() !== "wasm") return null;
  const b = tf.backend() as unknown as Partial<WasmHeap>;
  const ok =
    typeof b.typedArrayFromHeap === "function" &&
    typeof b.dataIdMap?.has === "function" &&
    typeof b.wasm?.tfjs?.registerTensor === "function" &&
    typeof b.wasm.tfjs.disposeData === "function";
  return ok ? (b as WasmHeap) : null;
}

/** True when `t` is a live float32 tensor held by the wasm backend (of `shape`, if given). */
export function onHeap(heap: WasmHeap, t: tf.Tensor, shape?: number[]): boolean {
  return (
    t.dtype === "float32" &&
    !t.isDisposed &&
    heap.dataIdMap.has(t.dataId) &&
    (shape === undefined || tf.util.arraysEqual(t.shape, shape))
  );
}

/** True when `t`'s buffer belongs to `t` alone (and is not `other`'s, when given). */
export function ownsBuffer(heap: WasmHeap, t: tf.Tensor, other?: tf.Tensor): boolean {
  const data = heap.dataIdMap.get(t.dataId);
  if (data.refCount !== 1) return false;
  if (other === undefined) return true;
  return (
    other.dataId !== t.dataId && heap.dataIdMap.get(other.dataId).memoryOffset !== data.memoryOffset
  );
}

/**
 * Tells the backend that `t`'s values changed in place: its C++ id is disposed (which runs the
 * callbacks dropping the XNNPACK operators cached on it, and frees no memory) and registered
 * again on the same memory.
 */
export function forgetCached(heap: WasmHeap, t: tf.Tensor): void {
  const { id, memoryOffset } = heap.dataIdMap.get(t.dataId);
  heap.wasm.tfjs.disposeData(id);
  heap.wasm.tfjs.registerTensor(id, t.size, memoryOffset);
}

/** Gives `variable` new values in a fresh buffer (the old one stays with its other tensors). */
export function assignFresh(variable: tf.Variable, values: Float32Array): void {
  const fresh = tf.tensor(values, variable.shape, "float32");
  variable.assign(fresh);
  fresh.dispose();
}
