import * as fs from "node:fs";
import * as path from "node:path";

/** The part of `@tensorflow/tfjs-backend-wasm`'s API used to locate its binaries. */
export interface WasmPathApi {
  setWasmPaths(prefixOrFileMap: string, usePlatformFetch?: boolean): void;
}

/** The SIMD binary, the one Node uses; its presence confirms the directory. */
const PROBE_BINARY = "tfjs-backend-wasm-simd.wasm";

/**
 * Returns the directory holding `@tensorflow/tfjs-backend-wasm`'s `.wasm` binaries, resolved
 * through Node's module resolution (never a network URL).
 *
 * @returns The absolute directory, ending with a path separator, or `undefined` if the package
 *   or its binaries cannot be found.
 * @example
 * wasmBinaryDir(); // "/…/node_modules/@tensorflow/tfjs-backend-wasm/dist/"
 */
export function wasmBinaryDir(): string | undefined {
  try {
    const dir = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
    return fs.existsSync(path.join(dir, PROBE_BINARY)) ? dir + path.sep : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Points the wasm backend at its binaries in `node_modules` explicitly, so that it also works
 * when the JavaScript was loaded from elsewhere (a bundle, tslab's transpiled cells). Must run
 * before `tf.setBackend("wasm")`; afterwards it has no effect.
 *
 * Behaviour: does nothing (returns `undefined`) if the binaries cannot be found, leaving the
 * package's own default (the directory of its main script) in place.
 *
 * @param wasm The loaded `@tensorflow/tfjs-backend-wasm` module.
 * @returns The directory that was configured, or `undefined`.
 * @example
 * configureWasmPaths(require("@tensorflow/tfjs-backend-wasm"));
 */
export function configureWasmPaths(wasm: WasmPathApi): string | undefined {
  const dir = wasmBinaryDir();
  if (dir === undefined) return undefined;
  try {
    wasm.setWasmPaths(dir);
    return dir;
  } catch {
    return undefined; // Already initialised: the paths no longer matter.
  }
}
