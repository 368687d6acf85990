/**
 * The kernel side of the display API used by the helper package.
 *
 * Behaviour: the kernel puts one object on
 * `globalThis[Symbol.for("tslab-ml.kernel")]`. The helper package's
 * `src/display/` finds it there (without importing the kernel) and calls
 * `display(bundle, {displayId, update})` to send a multi-MIME `display_data`,
 * or with `update: true` an `update_display_data` that replaces the output
 * with that display id in place. Output goes to the cell that is running, or
 * to the last cell that ran (as Python kernels do for late output).
 * `resultOf: value` says that this output already shows `value`: when the
 * same cell then ends with `value` as its last expression, the kernel does
 * not show it a second time (course plot helpers display their figure and
 * return it). Before sending, a bundle passes through the package's
 * `Symbol.for("tslab-ml.prepareBundle")` hook when one is installed (it
 * inlines plotly.js into the first plot of the session).
 *
 * @example
 * const k = (globalThis as any)[Symbol.for("tslab-ml.kernel")];
 * k.display({ "text/html": "<b>hi</b>", "text/plain": "hi" }, { displayId: "a1" });
 * k.display({ "text/plain": "bye" }, { displayId: "a1", update: true });
 */
import { normalizeBundle, prepareBundle, type MimeBundle } from "./mimeBundle";

/** Options of one display call. */
export interface DisplayOptions {
  /** Id to update this output later. Default: none. */
  displayId?: string;
  /** Replace the output with `displayId` instead of adding one. Default false. */
  update?: boolean;
  /** Per-MIME metadata (e.g. image sizes). Default {}. */
  metadata?: Record<string, unknown>;
  /** The value this output shows; the same cell's execute_result skips it. Default none. */
  resultOf?: unknown;
}

/** What the helper package sees on the global. */
export interface KernelBridge {
  readonly implementation: "tslab-ml";
  display(bundle: MimeBundle, options?: DisplayOptions): void;
}

/** Sends one iopub message of the current cell. */
export type Publisher = (msgType: string, content: Record<string, unknown>) => void;

export const BRIDGE_KEY = Symbol.for("tslab-ml.kernel");

/** What the bridge needs from the running cell. */
export interface CellOutput {
  /** The iopub publisher of the running (or last) cell, or null before any cell ran. */
  publisher(): Publisher | null;
  /** Remember that the running cell's output already shows `value`. */
  markShown(value: object): void;
}

/** Install the bridge; `cell` is asked at every call. */
export function installBridge(cell: CellOutput): KernelBridge {
  const bridge: KernelBridge = {
    implementation: "tslab-ml",
    display(bundle, options = {}) {
      if (bundle === null || typeof bundle !== "object" || Array.isArray(bundle)) {
        throw new TypeError(
          `display: bundle must be an object of MIME type → data, e.g. {"text/plain": "hi"}; got ${String(bundle)}`,
        );
      }
      if (options.update && !options.displayId) {
        throw new TypeError("display: update: true needs a displayId (the output to replace)");
      }
      const publish = cell.publisher();
      if (!publish) return;
      const shown = options.resultOf;
      if (shown !== null && (typeof shown === "object" || typeof shown === "function")) {
        cell.markShown(shown);
      }
      const content: Record<string, unknown> = {
        data: normalizeBundle(prepareBundle(bundle)),
        metadata: options.metadata ?? {},
        transient: options.displayId ? { display_id: options.displayId } : {},
      };
      publish(options.update ? "update_display_data" : "display_data", content);
    },
  };
  (globalThis as unknown as Record<symbol, unknown>)[BRIDGE_KEY] = bridge;
  return bridge;
}
