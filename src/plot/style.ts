/**
 * The look shared by every figure: colours, axes with grid lines, margins, titles.
 *
 * @example
 * axis("Epoch").title; // { text: "Epoch" }
 */
import type { Axis, Layout } from "./types";

/** The matplotlib / plotly default colour cycle (blue, orange, green, red…). */
export const COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** Colour number `i` of the cycle. */
export function color(i: number): string {
  return COLORS[i % COLORS.length];
}

/** An axis with a title (when given) and grid lines. */
export function axis(title?: string, extra: Axis = {}): Axis {
  return {
    ...(title ? { title: { text: title } } : {}),
    showgrid: true,
    gridcolor: "#e5e5e5",
    zeroline: false,
    ...extra,
  };
}

/** Options every builder accepts. */
export interface BaseOptions {
  /** Figure title. Default: none (or the builder's own). */
  title?: string;
  /** x axis title. Default: none (or the builder's own). */
  xLabel?: string;
  /** y axis title. Default: none (or the builder's own). */
  yLabel?: string;
  /** Height in pixels. Default 400. */
  height?: number;
}

/** A white layout with a title, a legend on the right and the usual margins. */
export function baseLayout(options: BaseOptions, defaults: BaseOptions = {}): Layout {
  const title = options.title ?? defaults.title;
  return {
    ...(title ? { title: { text: title } } : {}),
    xaxis: axis(options.xLabel ?? defaults.xLabel),
    yaxis: axis(options.yLabel ?? defaults.yLabel),
    height: options.height ?? defaults.height ?? 400,
    margin: { t: title ? 60 : 30, r: 20, b: 50, l: 60 },
    plot_bgcolor: "white",
    paper_bgcolor: "white",
  };
}
