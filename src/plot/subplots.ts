/**
 * `subplots(figures, options)`: several figures as panels of one figure, side by side.
 *
 * Behaviour: panel k keeps its traces, axis titles, ranges, annotations and shapes, moved to
 * its own axes (`x2`/`y2`…); its title becomes a caption above it. A panel that is itself a
 * grid (e.g. `historyFigure` with loss and accuracy) keeps its layout inside its cell: every
 * axis pair gets its own number, and captions placed on the page move with the panel. Panels fill a grid of
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
/** "x3" → 2, "x" → 0 (the axis index of a trace or layout reference). */
const refIndex = (ref: unknown) => {
  const m = /^[xy](\d*)/.exec(String(ref ?? ""));
  return m && m[1] ? Number(m[1]) - 1 : 0;
};

/** The axis pairs of one figure, in order: 1 for a plain figure, more for a grid. */
function axisCount(spec: { data: Trace[]; layout: Layout }): number {
  let n = 1;
  for (const key of Object.keys(spec.layout)) {
    const m = /^[xy]axis(\d+)$/.exec(key);
    if (m) n = Math.max(n, Number(m[1]));
  }
  for (const t of spec.data) n = Math.max(n, refIndex(t.xaxis) + 1, refIndex(t.yaxis) + 1);
  return n;
}

/** Maps a panel's coordinates into its cell of the grid. */
interface Cell {
  /** First global axis index of the panel. */
  base: number;
  x0: number;
  w: number;
  y0: number;
  h: number;
}

const inCell = (v: number, start: number, size: number) => start + v * size;

function moveRef(ref: unknown, letter: "x" | "y", cell: Cell): unknown {
  const m = new RegExp(`^${letter}(\\d*)( domain)?$`).exec(String(ref ?? letter));
  if (!m) return ref;
  return axisRef(letter, cell.base + refIndex(ref ?? letter)) + (m[2] ?? "");
}

function moveItem(item: Record<string, unknown>, cell: Cell): Record<string, unknown> {
  const out = { ...item };
  for (const letter of ["x", "y"] as const) {
    const refKey = `${letter}ref`;
    const [start, size] = letter === "x" ? [cell.x0, cell.w] : [cell.y0, cell.h];
    if (out[refKey] === "paper") {
      for (const key of letter === "x" ? ["x", "x0", "x1"] : ["y", "y0", "y1"]) {
        if (typeof out[key] === "number") out[key] = inCell(out[key] as number, start, size);
      }
    } else {
      out[refKey] = moveRef(out[refKey], letter, cell);
    }
  }
  return out;
}

function moveAxis(axis: Axis | undefined, letter: "x" | "y", cell: Cell): Axis {
  const [start, size] = letter === "x" ? [cell.x0, cell.w] : [cell.y0, cell.h];
  const [a, b] = (axis?.domain as number[] | undefined) ?? [0, 1];
  const other = letter === "x" ? "y" : "x";
  const out: Axis = { ...(axis ?? {}), domain: [inCell(a, start, size), inCell(b, start, size)] };
  out.anchor = moveRef(axis?.anchor ?? other, other, cell) as string;
  for (const key of ["scaleanchor", "matches", "overlaying"] as const) {
    const ref = out[key];
    if (typeof ref === "string") out[key] = moveRef(ref, ref[0] as "x" | "y", cell) as string;
  }
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
  let base = 0;
  specs.forEach((spec, k) => {
    const [r, c] = [Math.floor(k / columns), k % columns];
    const x0 = c * (w + gapX);
    const y1 = 1 - r * (h + gapY);
    const cell: Cell = { base, x0, w, y0: y1 - h, h };
    const count = axisCount(spec);
    for (const t of spec.data) {
      data.push({
        ...t,
        xaxis: axisRef("x", base + refIndex(t.xaxis)),
        yaxis: axisRef("y", base + refIndex(t.yaxis)),
      });
    }
    for (let j = 0; j < count; j++) {
      layout[axisKey("x", base + j)] = moveAxis(spec.layout[axisKey("x", j)] as Axis, "x", cell);
      layout[axisKey("y", base + j)] = moveAxis(spec.layout[axisKey("y", j)] as Axis, "y", cell);
    }
    for (const a of spec.layout.annotations ?? []) annotations.push(moveItem(a, cell));
    for (const s of spec.layout.shapes ?? []) shapes.push(moveItem(s, cell));
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
    base += count;
  });
  if (annotations.length) layout.annotations = annotations;
  if (shapes.length) layout.shapes = shapes;
  return new Figure({ data, layout });
}
