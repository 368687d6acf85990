/**
 * Compute backend for tslab-ml. Importing this module selects the fastest available
 * TensorFlow.js backend (native `tensorflow` → `wasm` → `cpu`), see `ready()`.
 */
import { ready } from "./ready";

export { backendInfo } from "./info";
export { ready } from "./ready";
export type { BackendInfo, BackendName } from "./types";

void ready();
