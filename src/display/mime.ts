/**
 * MIME bundles: what Jupyter shows for a value.
 *
 * A bundle maps MIME types to data: `{"text/html": "<b>hi</b>", "text/plain": "hi"}`.
 * Each frontend picks the richest type it can render.
 */

/** MIME type → data (a string, or JSON for `application/*+json` types). */
export type MimeBundle = Record<string, unknown>;

/** The Deno / tslab-ml convention: objects that know how to show themselves. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** An object with its own rich display. */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle;
}
