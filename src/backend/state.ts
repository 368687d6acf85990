import type { Selection } from "./select";
import type { BackendInfo } from "./types";

/** Module-wide backend state, shared by `ready()` and `backendInfo()`. */
export const state: {
  /** The single initialisation promise, created by the first `ready()` call. */
  promise?: Promise<BackendInfo>;
  /** Set when initialisation succeeded. */
  selection?: Selection;
  /** Set when initialisation failed. */
  error?: unknown;
} = {};
