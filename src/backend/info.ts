import * as tf from "@tensorflow/tfjs";
import { errorMessage } from "./load";
import { NODE_PACKAGE, Selection } from "./select";
import { state } from "./state";
import { BACKEND_NAMES, BackendInfo, BackendName } from "./types";

const INSTALL_NODE = `for native speed install ${NODE_PACKAGE} (npm install ${NODE_PACKAGE}; it downloads libtensorflow)`;

function hintFor(name: BackendName, selection: Selection | undefined): string {
  const notes = selection?.name === name ? selection.notes : [];
  const prefix = notes.length > 0 ? `${notes.join("; ")}; ` : "";
  const forced = selection?.forced === true && selection.name === name;
  if (name === "tensorflow") {
    return `native libtensorflow via ${NODE_PACKAGE}, the fastest backend on this machine`;
  }
  if (forced) {
    return `forced by TSLAB_ML_BACKEND=${name}; unset it to use the fastest available backend (${INSTALL_NODE})`;
  }
  if (name === "wasm") return prefix + INSTALL_NODE;
  return `${prefix}cpu supports every op but is the slowest backend; ${INSTALL_NODE}`;
}

/**
 * Builds the `BackendInfo` for a backend, using what was measured when it was selected.
 *
 * @param name The backend to describe.
 * @param selection The result of backend selection; its `simd`/`threads`/notes are used only
 *   when it selected `name`. Default: none.
 * @returns The description (`simd` and `threads` only for wasm, when known).
 * @example
 * describeBackend("cpu").native; // false
 */
export function describeBackend(name: BackendName, selection?: Selection): BackendInfo {
  const info: BackendInfo = {
    name,
    tfjsVersion: tf.version.tfjs,
    native: name === "tensorflow",
    hint: hintFor(name, selection),
  };
  if (selection?.name === name && name === "wasm") {
    info.simd = selection.simd;
    info.threads = selection.threads;
  }
  return info;
}

/**
 * Formats the one-line announcement printed when the backend becomes active.
 *
 * @param info The active backend.
 * @returns E.g. `tslab-ml: TensorFlow.js 4.22.0 on wasm (WebAssembly, SIMD) — for native speed …`.
 * @example
 * console.log(formatBackendInfo(await ready()));
 */
export function formatBackendInfo(info: BackendInfo): string {
  let detail = "pure JavaScript";
  if (info.name === "tensorflow") detail = "native libtensorflow";
  if (info.name === "wasm") {
    detail = "WebAssembly";
    if (info.simd === true) detail += ", SIMD";
    if (info.threads !== undefined && info.threads > 1) detail += `, ${info.threads} threads`;
  }
  return `tslab-ml: TensorFlow.js ${info.tfjsVersion} on ${info.name} (${detail}) — ${info.hint}`;
}

/**
 * Describes the currently active compute backend.
 *
 * Behaviour: throws if called before `ready()` has resolved (or after it rejected) — await
 * `ready()` first, which resolves with the same object. Afterwards it reports the backend that
 * is active *now*, so after `await tf.setBackend("cpu")` it says `cpu`. Throws if the active
 * backend is not one tslab-ml manages (`tensorflow`, `wasm`, `cpu`).
 *
 * @returns `{ name, tfjsVersion, simd?, threads?, native, hint }`.
 * @example
 * await ready();
 * backendInfo().name; // "wasm"
 */
export function backendInfo(): BackendInfo {
  if (state.error !== undefined) {
    throw new Error(`backendInfo(): backend initialisation failed: ${errorMessage(state.error)}`, {
      cause: state.error,
    });
  }
  if (state.selection === undefined) {
    throw new Error(
      "backendInfo() was called before the backend was ready; " +
        "await ready() first (it resolves with the same information).",
    );
  }
  const active = tf.getBackend();
  const name = BACKEND_NAMES.find((n) => n === active);
  if (name === undefined) {
    throw new Error(
      `backendInfo(): the active TensorFlow.js backend is ${JSON.stringify(active)}; ` +
        `expected one of ${BACKEND_NAMES.map((n) => `"${n}"`).join(", ")}.`,
    );
  }
  return describeBackend(name, state.selection);
}
