/**
 * `display(value, options)`: show a value under the running cell now.
 *
 * Behaviour: sends `format(value)` (or, with `raw: true`, `value` itself as a
 * MIME bundle) to the Jupyter kernel as one multi-MIME `display_data`. With an
 * `id`, the output can later be replaced in place by calling again with the
 * same id and `update: true` (live training views do this). Outside a
 * tslab-ml kernel (plain node, tests) it prints the `text/plain` part and
 * never throws for lack of a kernel. This module is the only one in the
 * package that talks to the kernel.
 *
 * Options:
 * - `id` (default none): a display id, e.g. from `newDisplayId()`.
 * - `update` (default false): replace the output with this id.
 * - `raw` (default false): `value` is already a MIME bundle.
 * - `resultOf` (default none): the value this output shows. If the running cell
 *   ends with that value as its last expression, the kernel does not show it a
 *   second time (the course's plot helpers display a figure and return it).
 *
 * @example
 * const id = newDisplayId();
 * display(html("<p>epoch 1</p>"), { id });
 * display(html("<p>epoch 2</p>"), { id, update: true }); // same output, new content
 */
import { randomBytes } from "crypto";
import { format } from "./format";
import type { MimeBundle } from "./mime";

/** Options of `display`. */
export interface DisplayOptions {
  /** Display id to update this output later. Default: none. */
  id?: string;
  /** Replace the output that has `id`. Default false. */
  update?: boolean;
  /** `value` is a MIME bundle already. Default false. */
  raw?: boolean;
  /** The value this output shows; the same cell's last expression skips it. Default none. */
  resultOf?: object;
}

interface KernelBridge {
  display(
    bundle: MimeBundle,
    options: {
      displayId?: string;
      update?: boolean;
      metadata?: Record<string, unknown>;
      resultOf?: object;
    },
  ): void;
}

const BRIDGE = Symbol.for("tslab-ml.kernel");

/** The kernel's display bridge, when running inside the tslab-ml kernel. */
export function kernelBridge(): KernelBridge | null {
  const b = (globalThis as unknown as Record<symbol, unknown>)[BRIDGE];
  return b && typeof (b as KernelBridge).display === "function" ? (b as KernelBridge) : null;
}

/** A fresh display id. */
export function newDisplayId(): string {
  return randomBytes(8).toString("hex");
}

/** Show `value` under the running cell (see the module doc). */
export function display(value: unknown, options: DisplayOptions = {}): void {
  if (options.update && !options.id) {
    throw new TypeError("display: update: true needs the id of the output to replace (options.id)");
  }
  let bundle: MimeBundle;
  if (options.raw) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new TypeError(
        `display: with raw: true, value must be a MIME bundle such as {"text/plain": "hi"}; got ${typeof value}`,
      );
    }
    bundle = value as MimeBundle;
  } else {
    bundle = format(value);
  }
  const bridge = kernelBridge();
  if (bridge) {
    bridge.display(bundle, {
      displayId: options.id,
      update: options.update,
      ...(options.resultOf ? { resultOf: options.resultOf } : {}),
    });
    return;
  }
  const text = bundle["text/plain"];
  console.log(typeof text === "string" ? text : JSON.stringify(bundle));
}
