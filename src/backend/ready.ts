import { describeBackend, formatBackendInfo } from "./info";
import { errorMessage } from "./load";
import { registerPending } from "./pending";
import { selectBackend } from "./select";
import { state } from "./state";
import { BackendInfo } from "./types";

/** Environment variable that silences the one-line backend announcement when set to `1`. */
export const QUIET_ENV_VAR = "TSLAB_ML_QUIET";

function isQuiet(): boolean {
  return ["1", "true", "yes"].includes((process.env[QUIET_ENV_VAR] ?? "").trim().toLowerCase());
}

async function initialise(): Promise<BackendInfo> {
  try {
    const selection = await selectBackend();
    state.selection = selection;
    const info = describeBackend(selection.name, selection);
    if (!isQuiet()) console.log(formatBackendInfo(info));
    return info;
  } catch (error) {
    state.error = error;
    throw error;
  }
}

/**
 * Starts (on first call) and returns the selection of the compute backend: native `tensorflow`
 * if `@tensorflow/tfjs-node` loads, else `wasm`, else `cpu`; `TSLAB_ML_BACKEND=cpu|wasm|tensorflow`
 * forces one. Importing `tslab-ml` already calls it, so usually you only await it.
 *
 * Behaviour: every call returns the same promise. When it starts, `tf.setBackend` is called
 * synchronously and the promise is pushed onto `globalThis[Symbol.for("tslab-ml.pending")]`
 * so the Jupyter kernel awaits it before finishing the cell. On success one line describing the
 * backend is printed with `console.log` (silenced by `TSLAB_ML_QUIET=1`). On failure (unknown
 * `TSLAB_ML_BACKEND`, or a forced backend that cannot start) the promise rejects with an Error
 * saying what was requested and how to fix it; the message is also written to stderr so it is
 * not lost when nobody awaits.
 *
 * @returns The chosen backend's `BackendInfo`.
 * @example
 * const info = await ready();
 * info.name; // "wasm"
 */
export function ready(): Promise<BackendInfo> {
  if (state.promise === undefined) {
    state.promise = registerPending(initialise());
    state.promise.catch((error: unknown) => {
      console.error(`tslab-ml: could not select a compute backend: ${errorMessage(error)}`);
    });
  }
  return state.promise;
}
