import { BACKEND_NAMES, BackendRequest } from "./types";

/** Name of the environment variable that forces a backend. */
export const BACKEND_ENV_VAR = "TSLAB_ML_BACKEND";

/**
 * Parses a backend request, typically the value of the `TSLAB_ML_BACKEND` environment variable.
 *
 * Behaviour: surrounding whitespace and letter case are ignored; `undefined`, the empty string
 * and `"auto"` mean "auto" (try tensorflow → wasm → cpu). Any other value must be one of
 * `"tensorflow"`, `"wasm"`, `"cpu"`, otherwise an Error naming the variable is thrown.
 *
 * @param value The raw value, e.g. `process.env.TSLAB_ML_BACKEND`.
 * @param source What to call the value in error messages. Default: `"TSLAB_ML_BACKEND"`.
 * @returns The requested backend, or `"auto"`.
 * @example
 * parseBackendRequest("WASM"); // "wasm"
 * parseBackendRequest(undefined); // "auto"
 * parseBackendRequest("gpu"); // throws: TSLAB_ML_BACKEND must be one of ...
 */
export function parseBackendRequest(
  value: string | undefined,
  source: string = BACKEND_ENV_VAR,
): BackendRequest {
  const normalized = (value ?? "").trim().toLowerCase();
  if (normalized === "" || normalized === "auto") return "auto";
  const known = BACKEND_NAMES.find((name) => name === normalized);
  if (known === undefined) {
    const expected = [...BACKEND_NAMES, "auto"].map((n) => `"${n}"`).join(", ");
    throw new Error(
      `${source} must be one of ${expected} (or unset); received ${JSON.stringify(value)}.`,
    );
  }
  return known;
}
