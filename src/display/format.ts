/**
 * `format(value)`: the MIME bundle for a value, without sending anything.
 *
 * Behaviour: an object with `[Symbol.for("Jupyter.display")]()` gives its own
 * bundle (a `text/plain` part is added from util.inspect if it has none);
 * anything else becomes `{"text/plain": util.inspect(value)}`. Pure: it sends
 * nothing, uses nothing up and gives the same bundle in or out of a kernel (a
 * figure's `text/html` holds a placeholder for plotly.js, which is filled in
 * only when a plot is sent: see plotlyLibrary.ts).
 *
 * @example
 * format(42); // {"text/plain": "42"}
 * format(html("<b>hi</b>")); // {"text/html": "<b>hi</b>", "text/plain": "<b>hi</b>"}
 */
import util from "util";
import { JUPYTER_DISPLAY, type MimeBundle } from "./mime";

/** The bundle Jupyter would show for `value`. */
export function format(value: unknown): MimeBundle {
  const method =
    value !== null && (typeof value === "object" || typeof value === "function")
      ? (value as Record<symbol, unknown>)[JUPYTER_DISPLAY]
      : undefined;
  if (typeof method !== "function") return { "text/plain": util.inspect(value, { depth: 4 }) };
  const own = (method as () => unknown).call(value);
  if (own === null || typeof own !== "object" || Array.isArray(own)) {
    throw new TypeError(
      `format: [Symbol.for("Jupyter.display")]() must return a MIME bundle object; got ${util.inspect(own)}`,
    );
  }
  const bundle = own as MimeBundle;
  if ("text/plain" in bundle) return bundle;
  return { "text/plain": util.inspect(value, { depth: 4 }), ...bundle };
}
