/**
 * `subplots(figures, options)`: several figures as panels of one figure, side by side.
 *
 * Behaviour: panel k keeps its traces, axis titles, ranges, annotations and shapes, moved to
 * its own axes (`x2`/`y2`…); its title becomes a caption above it. Panels fill a grid of
 * `columns` columns, row by row. Anything that is not a figure throws a TypeError naming the
 * panel.
 *
 * Options:
 * - `columns` (default: all panels in one row): panels per row.
 * - `title` (default none): a title above all panels.
 * - `height` (default: the tallest panel per row): height in pixels.
 * - `width` (default: the page width): width in pixels.
 *
 * @example
 * const fig = subplots([line([1, 2]), line([2, 1])]);
 * fig.data.map((t) => t.xaxis); // ["x", "x2"]
 */
import { ValueError } from "../validation/errors";
import { checkFigure } from "./checkFigure";
import { Figure } from "./figure";
import type { Axis, Layout, Trace } from "./types";

/** Options of `subplots`. */
export interface SubplotsOptions {
  /** Panels per row. Default: all in one row. */
  columns?: number;
  /** Overall title. Default none. */
  title?: string;
  /** Height in pixels. Default: tallest panel × rows. */
  height?: number;
  /** Width in pixels. Default: the page width. */
  width?: number;
  /** Horizontal gap between panels, as a fraction of the width. Default 0.08. */
  gapX?: number;
  /** Vertical gap between panels, as a fraction of the height. Default: 0.12 for captions. */
  gapY?: number;
}

const axisRef = (letter: "x" | "y", k: number) => (k === 0 ? letter : `${letter}${k + 1}`);
const axisKey = (letter: "x" | "y", k: number) =>
  k === 0 ? `${letter}axis` : `${letter}axis${k + 1}`;

function moveRefs(item: Record<string, unknown>, k: number): Record<string, unknown> {
  const out = { ...item };
  if (out.xref !== "paper") out.xref = axisRef("x", k);
  if (out.yref !== "paper") out.yref = axisRef("y", k);
  return out;
}

/** Panels in a grid (see the module doc). */
export function subplots(figures: unknown[], options: SubplotsOptions = {}): Figure {
  if (!Array.isArray(figures) || figures.length === 0) {
    throw new ValueError("subplots: figures must be a non-empty array of figures");
  }
  const specs = figures.map((f, k) => checkFigure(f, "subplots", `figures[${k}]`));
  const n = specs.length;
  const columns = Math.max(1, Math.min(options.columns ?? n, n));
  const rows = Math.ceil(n / columns);
  const gapX = options.gapX ?? 0.08;
  const gapY = options.gapY ?? (rows > 1 ? 0.12 : 0);
  const w = (1 - gapX * (columns - 1)) / columns;
  const h = (1 - gapY * (rows - 1)) / rows;
  const data: Trace[] = [];
  const annotations: Record<string, unknown>[] = [];
  const shapes: Record<string, unknown>[] = [];
  const panelHeight = Math.max(
    ...specs.map((s) => (typeof s.layout.height === "number" ? s.layout.height : 400)),
  );
  const layout: Layout = {
    ...(options.title ? { title: { text: options.title } } : {}),
    height: options.height ?? Math.round(panelHeight * (rows === 1 ? 1 : 0.8 * rows)),
    ...(options.width ? { width: options.width } : {}),
    margin: { t: options.title ? 80 : 50, r: 20, b: 50, l: 60 },
    plot_bgcolor: "white",
    paper_bgcolor: "white",
    showlegend: specs.some((s) => s.layout.showlegend === true),
  };
  specs.forEach((spec, k) => {
    const [r, c] = [Math.floor(k / columns), k % columns];
    const x0 = c * (w + gapX);
    const y1 = 1 - r * (h + gapY);
    for (const t of spec.data) data.push({ ...t, xaxis: axisRef("x", k), yaxis: axisRef("y", k) });
    const xa: Axis = {
      ...(spec.layout.xaxis ?? {}),
      domain: [x0, x0 + w],
      anchor: axisRef("y", k),
    };
    const ya: Axis = {
      ...(spec.layout.yaxis ?? {}),
      domain: [y1 - h, y1],
      anchor: axisRef("x", k),
    };
    if (ya.scaleanchor) ya.scaleanchor = axisRef("x", k);
    if (xa.scaleanchor) xa.scaleanchor = axisRef("y", k);
    layout[axisKey("x", k)] = xa;
    layout[axisKey("y", k)] = ya;
    for (const a of spec.layout.annotations ?? []) annotations.push(moveRefs(a, k));
    for (const s of spec.layout.shapes ?? []) shapes.push(moveRefs(s, k));
    const caption = spec.layout.title?.text;
    if (caption) {
      annotations.push({
        text: caption,
        x: x0 + w / 2,
        y: y1,
        xref: "paper",
        yref: "paper",
        xanchor: "center",
        yanchor: "bottom",
        showarrow: false,
        font: { size: 14, ...((spec.layout.title as { font?: object }).font ?? {}) },
      });
    }
  });
  if (annotations.length) layout.annotations = annotations;
  if (shapes.length) layout.shapes = shapes;
  return new Figure({ data, layout });
}
