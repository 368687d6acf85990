/**
 * The MIME bundle for a cell's last expression (an `execute_result`).
 *
 * Behaviour: a value with a `[Symbol.for("Jupyter.display")]()` method (the
 * Deno convention) supplies its own bundle, e.g. `{"text/html": …,
 * "text/plain": …}`; the method may be async. Everything else is shown as
 * `text/plain` with util.inspect. Binary values (Uint8Array) in a bundle are
 * base64-encoded as Jupyter expects for images; a bundle without `text/plain`
 * gets one.
 *
 * @example
 * await toMimeBundle({ [Symbol.for("Jupyter.display")]: () => ({ "text/html": "<b>x</b>" }) });
 * // {"text/html": "<b>x</b>", "text/plain": "{}"}
 */
import util from "util";

/** Jupyter's `data` field: MIME type → string or JSON value. */
export type MimeBundle = Record<string, unknown>;

const DISPLAY = Symbol.for("Jupyter.display");
const PREPARE = Symbol.for("tslab-ml.prepareBundle");

/**
 * The bundle as it is sent: passed through the helper package's
 * `globalThis[Symbol.for("tslab-ml.prepareBundle")]` hook when one is installed
 * (it inlines plotly.js into the session's first plot), else unchanged.
 */
export function prepareBundle(bundle: MimeBundle): MimeBundle {
  const hook = (globalThis as unknown as Record<symbol, unknown>)[PREPARE];
  if (typeof hook !== "function") return bundle;
  const out = (hook as (b: MimeBundle) => unknown)(bundle);
  return out !== null && typeof out === "object" && !Array.isArray(out)
    ? (out as MimeBundle)
    : bundle;
}

/** Plain-text form of any value, as a cell result shows it. */
export function plainText(value: unknown): string {
  return typeof value === "string" ? util.inspect(value) : util.inspect(value, { depth: 4 });
}

/** Build the bundle for `value`. Throws only if the value's own display method throws. */
export async function toMimeBundle(value: unknown): Promise<MimeBundle> {
  const method =
    value !== null && (typeof value === "object" || typeof value === "function")
      ? (value as Record<symbol, unknown>)[DISPLAY]
      : undefined;
  if (typeof method !== "function") return { "text/plain": plainText(value) };
  const own = await (method as () => unknown).call(value);
  if (own === null || typeof own !== "object" || Array.isArray(own)) {
    throw new TypeError(
      `[Symbol.for("Jupyter.display")]() must return a MIME bundle object such as {"text/plain": "…"}; got ${plainText(own)}`,
    );
  }
  return normalizeBundle(prepareBundle(own as MimeBundle), value);
}

/** Encode binary parts as base64 and make sure `text/plain` exists. */
export function normalizeBundle(bundle: MimeBundle, value?: unknown): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, data] of Object.entries(bundle)) {
    if (data === undefined) continue;
    out[mime] = data instanceof Uint8Array ? Buffer.from(data).toString("base64") : data;
  }
  if (!("text/plain" in out) && value !== undefined) out["text/plain"] = plainText(value);
  return out;
}
