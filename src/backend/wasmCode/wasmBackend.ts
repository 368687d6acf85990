/**
 * The part of tfjs-backend-wasm 4.22's `BackendWasm` that tslab-ml's own wasm kernels use: where
 * a tensor lives on the heap, how to make an output, a view of a tensor's values, one more
 * reference on a buffer, the heap's memory and allocator.
 *
 * @example
 * const backend = args.backend as unknown as WasmBackend;
 * const at = backend.dataIdMap.get(x.dataId)?.memoryOffset;
 */
import type * as tf from "@tensorflow/tfjs";

export interface WasmBackend {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  incRef(dataId: object): void;
  wasm: { asm?: { memory?: unknown }; _malloc(bytes: number): number; _free(p: number): void };
}
