/** The compute backends tslab-ml knows how to select, fastest first. */
export const BACKEND_NAMES = ["tensorflow", "wasm", "cpu"] as const;

/**
 * Name of a TensorFlow.js backend managed by tslab-ml:
 * `"tensorflow"` (native libtensorflow via `@tensorflow/tfjs-node`),
 * `"wasm"` (`@tensorflow/tfjs-backend-wasm`, WebAssembly + XNNPACK) or
 * `"cpu"` (pure JavaScript, always available).
 */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A backend request: a specific backend, or `"auto"` for the first one that works. */
export type BackendRequest = BackendName | "auto";

/** Description of the active compute backend, as returned by `ready()` and `backendInfo()`. */
export interface BackendInfo {
  /** The active backend. */
  name: BackendName;
  /** Version of the `@tensorflow/tfjs` package, e.g. `"4.22.0"`. */
  tfjsVersion: string;
  /** wasm only: whether the SIMD build of the WebAssembly binary is in use. */
  simd?: boolean;
  /** wasm only: number of XNNPACK threads (1 in Node, where wasm threads are unsupported). */
  threads?: number;
  /** True when computation runs in native code (libtensorflow). */
  native: boolean;
  /** One sentence for the user: how to get more speed, or why a faster backend was skipped. */
  hint: string;
}
