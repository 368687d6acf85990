/**
 * The `text/html` part of a figure: a div plus a script that draws it with `window.Plotly`.
 *
 * Behaviour: the script waits (polling every 50 ms) until the div is attached to the page and
 * `window.Plotly` exists, then calls `Plotly.newPlot`. Waiting matters in Notebook 6, which
 * runs an output's scripts before attaching it, and for plots whose library arrives in an
 * earlier output. After 20 s without plotly.js the div explains how to get it back. The figure
 * JSON is embedded with `<` escaped, so text in titles cannot end the script.
 *
 * @example
 * figureHtml({ data: [], layout: {}, config: {} }, "", "p1"); // '<div id="p1" …></div><script>…</script>'
 */
import type { FigureSpec } from "../plot/types";

const MISSING =
  "plotly.js is not loaded on this page (the output that carried it was cleared). " +
  "Restart the kernel and run the cells again to draw this plot.";

/** Embed JSON in a script without `</script>` or `<!--` problems. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** `library` (a `<script>`, its placeholder, or "") followed by the div and its drawing script. */
export function figureHtml(spec: FigureSpec, library: string, divId: string): string {
  const height = typeof spec.layout.height === "number" ? spec.layout.height : 450;
  const width = typeof spec.layout.width === "number" ? `${spec.layout.width}px` : "100%";
  return (
    library +
    `<div id="${divId}" class="tslab-ml-plot" style="width:${width};height:${height}px;"></div>\n` +
    `<script type="text/javascript">(function(){\n` +
    `var fig=${scriptJson(spec)};var id=${JSON.stringify(divId)};var tries=0;\n` +
    `function draw(){var el=document.getElementById(id);\n` +
    `if(el&&window.Plotly&&window.Plotly.newPlot){window.Plotly.newPlot(el,fig.data,fig.layout,fig.config);return;}\n` +
    `if(++tries>400){if(el&&!window.Plotly){el.style.height="auto";el.textContent=${JSON.stringify(MISSING)};}return;}\n` +
    `setTimeout(draw,50);}\n` +
    `draw();})();</script>`
  );
}
