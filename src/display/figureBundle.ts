/**
 * `figureBundle(figure)`: the MIME bundle that shows a plotly figure.
 *
 * Behaviour: returns `application/vnd.plotly.v1+json` (the figure JSON, for VS Code and
 * JupyterLab's plotly renderer), `text/html` (a div and a script drawing with `window.Plotly`,
 * for Notebook 6/7, JupyterLab and nbconvert HTML) and `text/plain` (one line). Fractional
 * numbers are written with as few digits as keep their value (plotNumbers.ts). Pure: the
 * `text/html` starts with a placeholder for the plotly.js library, which the kernel fills in
 * when the first plot of a session is actually sent (see plotlyLibrary.ts), so building a
 * bundle uses nothing up. Models, History objects and other modules use it for their
 * `[Symbol.for("Jupyter.display")]()`.
 *
 * @example
 * const b = figureBundle({ data: [{ type: "bar", x: ["a"], y: [1] }], layout: {} });
 * Object.keys(b); // ["application/vnd.plotly.v1+json", "text/html", "text/plain"]
 */
import { randomBytes } from "crypto";
import { checkFigure } from "../plot/checkFigure";
import type { FigureSpec } from "../plot/types";
import { figureHtml } from "./figureHtml";
import { plotNumbers } from "./plotNumbers";
import type { MimeBundle } from "./mime";
import { bundleKindFor, libraryPlaceholder } from "./plotlyLibrary";

/** The plotly MIME type. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * One line describing a figure: its title and traces.
 *
 * @example
 * describeFigure({ data: [{ type: "bar", y: [1] }], layout: {}, config: {} }); // "Figure: 1 trace: bar (1)"
 */
export function describeFigure(spec: FigureSpec): string {
  const title = spec.layout.title?.text
    ?.replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const traces = spec.data.map((t) => {
    const n = Array.isArray(t.y) ? t.y.length : Array.isArray(t.z) ? t.z.length : 0;
    return `${t.type}${t.name ? ` "${t.name}"` : ""} (${n})`;
  });
  return `Figure${title ? ` "${title}"` : ""}: ${traces.length} trace${traces.length === 1 ? "" : "s"}${
    traces.length ? ": " + traces.slice(0, 6).join(", ") + (traces.length > 6 ? ", …" : "") : ""
  }`;
}

/** The bundle for `figure` (a `Figure` or plotly JSON); see the module doc. */
export function figureBundle(figure: unknown): MimeBundle {
  const spec = checkFigure(figure, "figureBundle", "figure");
  const library = libraryPlaceholder(
    bundleKindFor(spec.data.map((t) => String(t.type ?? "scatter"))),
  );
  const divId = `tslab-ml-plot-${randomBytes(6).toString("hex")}`;
  const written = plotNumbers(spec);
  return {
    [PLOTLY_MIME]: written,
    "text/html": figureHtml(written, library, divId),
    "text/plain": describeFigure(spec),
  };
}
