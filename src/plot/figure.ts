/**
 * `Figure`: a plotly figure `{data, layout, config}` that shows itself under a cell.
 *
 * Behaviour: a plain JSON holder. `JSON.stringify(figure)` gives the plotly JSON; as a cell's
 * last expression (or through `display`) it renders as an interactive plot, because it has the
 * `[Symbol.for("Jupyter.display")]()` method, which returns `figureBundle(figure)`. Every
 * builder in `src/plot` returns a `Figure`; the spec can be edited before it is shown.
 *
 * @example
 * const fig = new Figure({ data: [{ type: "scatter", x: [1, 2], y: [3, 4] }] });
 * fig.layout.title = { text: "my plot" };
 * JSON.parse(JSON.stringify(fig)).data[0].y; // [3, 4]
 */
import { figureBundle } from "../display/figureBundle";
import { JUPYTER_DISPLAY, type Displayable, type MimeBundle } from "../display/mime";
import type { Config, FigureSpec, Layout, Trace } from "./types";

/** The config every figure starts with. */
export const DEFAULT_CONFIG: Config = { responsive: true, displaylogo: false };

/** A plotly figure that displays richly in Jupyter. */
export class Figure implements FigureSpec, Displayable {
  data: Trace[];
  layout: Layout;
  config: Config;

  constructor(spec: { data: Trace[]; layout?: Layout; config?: Config }) {
    this.data = spec.data;
    this.layout = spec.layout ?? {};
    this.config = { ...DEFAULT_CONFIG, ...(spec.config ?? {}) };
  }

  /** The plotly JSON (`JSON.stringify` uses it). */
  toJSON(): FigureSpec {
    return { data: this.data, layout: this.layout, config: this.config };
  }

  [JUPYTER_DISPLAY](): MimeBundle {
    return figureBundle(this);
  }
}
