/**
 * `html(markup)`: a value that Jupyter shows as HTML.
 *
 * Behaviour: returns an object whose bundle is `{"text/html": markup,
 * "text/plain": markup}`; as a cell's last expression or through
 * `display()` it renders as HTML (outside Jupyter the markup is printed).
 *
 * @example
 * html("<b>정답</b>"); // shows bold text under the cell
 */
import { JUPYTER_DISPLAY, type Displayable, type MimeBundle } from "./mime";

/** HTML to show under a cell. */
export class Html implements Displayable {
  constructor(readonly markup: string) {}

  [JUPYTER_DISPLAY](): MimeBundle {
    return { "text/html": this.markup, "text/plain": this.markup };
  }
}

/** Wrap `markup` so that it displays as HTML. */
export function html(markup: string): Html {
  if (typeof markup !== "string") {
    throw new TypeError(`html: markup must be a string; got ${typeof markup}`);
  }
  return new Html(markup);
}
