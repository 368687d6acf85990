import * as tf from "@tensorflow/tfjs";
import { errorMessage, isModuleNotFound, ModuleLoader, requireModule } from "./load";
import { BACKEND_ENV_VAR, parseBackendRequest } from "./request";
import { BACKEND_NAMES, BackendName, BackendRequest } from "./types";
import { installUnsupportedKernelStubs } from "./unsupportedKernels";
import { installWasmMatMulFix } from "./wasmMatMul";
import { installWasmShareFix } from "./wasmShare";
import { installWasmSumFix } from "./wasmSum";
import { configureWasmPaths, WasmPathApi } from "./wasmPaths";

/** Package that provides the native `tensorflow` backend. */
export const NODE_PACKAGE = "@tensorflow/tfjs-node";
/** Package that provides the `wasm` backend. */
export const WASM_PACKAGE = "@tensorflow/tfjs-backend-wasm";

/** Options of `selectBackend`. */
export interface SelectOptions {
  /** Backend to use. Default: parsed from `TSLAB_ML_BACKEND`, `"auto"` when unset. */
  request?: BackendRequest;
  /** How optional packages are loaded. Default: Node's `require` (tests inject fakes). */
  load?: ModuleLoader;
  /** Name of the request's origin, used in errors. Default: `"TSLAB_ML_BACKEND"`. */
  source?: string;
}

/** Outcome of `selectBackend`: the backend that is now active, and why others were skipped. */
export interface Selection {
  name: BackendName;
  /** wasm only: SIMD binary in use. */
  simd?: boolean;
  /** wasm only: XNNPACK thread count. */
  threads?: number;
  /** True when the backend was requested explicitly rather than chosen by `"auto"`. */
  forced: boolean;
  /** Why faster backends were not used, e.g. "@tensorflow/tfjs-node failed to load (…)". */
  notes: string[];
}

/** The part of `@tensorflow/tfjs-backend-wasm`'s API used here. */
interface WasmModule extends WasmPathApi {
  getThreadsCount(): number;
}

/** A started attempt: `activation` settles when the backend is active (or failed). */
interface Attempt {
  activation?: Promise<Partial<Selection> | false>;
  /** Why the backend cannot be used, when `activation` is absent or fails. */
  reason?: string;
  /** Worth telling the user even in auto mode (e.g. installed but broken). */
  note?: string;
}

function startTensorflow(load: ModuleLoader): Attempt {
  try {
    load(NODE_PACKAGE);
  } catch (error) {
    if (isModuleNotFound(error, NODE_PACKAGE)) {
      return { reason: `${NODE_PACKAGE} is not installed (npm install ${NODE_PACKAGE})` };
    }
    const reason = `${NODE_PACKAGE} is installed but failed to load (${errorMessage(error)})`;
    return { reason, note: reason };
  }
  return { activation: tf.setBackend("tensorflow").then((ok) => ok && {}) };
}

function startWasm(load: ModuleLoader): Attempt {
  let wasm: WasmModule;
  try {
    wasm = load(WASM_PACKAGE) as WasmModule;
  } catch (error) {
    const reason = `${WASM_PACKAGE} failed to load (${errorMessage(error)})`;
    return { reason, note: reason };
  }
  configureWasmPaths(wasm);
  installWasmMatMulFix();
  installWasmSumFix();
  installWasmShareFix();
  installUnsupportedKernelStubs();
  const activation = activateWasmBehindCpu().then(async (ok) => {
    if (!ok) return false;
    const simd = (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) === true;
    return { simd, threads: wasm.getThreadsCount() };
  });
  return { activation };
}

/** Turns off the cpu backend's multi-line "install tfjs-node" banner (we print one line). */
function quietCpu(): void {
  const cpu = tf.engine().registry.cpu as unknown as { firstUse?: unknown } | undefined;
  if (cpu !== undefined && typeof cpu.firstUse === "boolean") cpu.firstUse = false;
}

/**
 * Activates wasm without a window in which every operation throws "Backend 'wasm' has not yet
 * been initialized": the cpu backend (synchronous) serves the cell that imports tslab-ml while
 * the wasm module compiles; then the ready wasm backend is registered with a synchronous
 * factory and made active. Tensors made meanwhile move to wasm on first use (tfjs moves data
 * between backends by itself).
 */
async function activateWasmBehindCpu(): Promise<boolean> {
  const engine = tf.engine() as unknown as {
    registryFactory: Record<string, { factory: () => unknown; priority: number } | undefined>;
    registry: Record<string, unknown>;
    backendName: string | null | undefined;
  };
  const entry = engine.registryFactory.wasm;
  if (!entry) return false;
  if (engine.registry.wasm) return tf.setBackend("wasm"); // started before: switch back to it
  if (!engine.backendName) {
    void tf.setBackend("cpu"); // synchronous backend: active at once
    quietCpu();
  }
  const instance = (await entry.factory()) as tf.KernelBackend;
  tf.removeBackend("wasm");
  tf.registerBackend("wasm", () => instance, entry.priority);
  return tf.setBackend("wasm");
}

function startCpu(): Attempt {
  const switching = tf.setBackend("cpu");
  // Our one-line announcement replaces the multi-line "install tfjs-node" banner that the cpu
  // backend prints on first use in Node. cpu starts synchronously, so this runs before any op.
  quietCpu();
  return { activation: switching.then((ok) => ok && {}) };
}

function startBackend(name: BackendName, load: ModuleLoader): Attempt {
  if (name === "tensorflow") return startTensorflow(load);
  if (name === "wasm") return startWasm(load);
  return startCpu();
}

/**
 * Selects and activates the TensorFlow.js compute backend: native `tensorflow`
 * (`@tensorflow/tfjs-node`) if it loads, else `wasm` (`@tensorflow/tfjs-backend-wasm`, with the
 * transposed-matMul fix and explanatory errors for ops it lacks), else pure-JS `cpu`.
 *
 * Behaviour: `tf.setBackend` for the first usable candidate is called synchronously, before this
 * function returns, so tensors created right afterwards go to that backend. In `"auto"` mode a
 * candidate that fails is skipped (with a note when it is installed but broken); an explicit
 * request that cannot be honoured rejects with an Error naming the request and the fix.
 *
 * @param options `request` (default: `TSLAB_ML_BACKEND`, else `"auto"`), `load` (default Node's
 *   `require`), `source` (default `"TSLAB_ML_BACKEND"`, used in error messages).
 * @returns The active backend and the notes explaining skipped ones.
 * @example
 * const { name } = await selectBackend({ request: "wasm" }); // "wasm"
 */
export async function selectBackend(options: SelectOptions = {}): Promise<Selection> {
  const source = options.source ?? BACKEND_ENV_VAR;
  const request = options.request ?? parseBackendRequest(process.env[BACKEND_ENV_VAR], source);
  const load = options.load ?? requireModule;
  const forced = request !== "auto";
  const candidates: readonly BackendName[] = forced ? [request] : BACKEND_NAMES;
  const notes: string[] = [];
  for (const name of candidates) {
    const attempt = startBackend(name, load);
    let result: Partial<Selection> | false = false;
    let reason = attempt.reason ?? `tf.setBackend("${name}") returned false`;
    if (attempt.activation !== undefined) {
      try {
        result = await attempt.activation;
      } catch (error) {
        reason = `tf.setBackend("${name}") failed (${errorMessage(error)})`;
      }
    }
    if (result !== false) return { ...result, name, forced, notes };
    if (forced) {
      throw new Error(
        `${source}=${name} was requested, but ${reason}. ` +
          `Fix that, or unset ${source} to pick the fastest available backend.`,
      );
    }
    if (attempt.note !== undefined || attempt.activation !== undefined) notes.push(reason);
  }
  throw new Error(`No TensorFlow.js backend could be activated: ${notes.join("; ")}.`);
}
