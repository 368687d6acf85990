/**
 * The plotly JSON that figures are made of: `{data, layout, config}`.
 *
 * Only the fields the builders here use are typed precisely; every interface stays open
 * (`[key: string]: unknown`) so any other plotly attribute can be added by hand.
 *
 * @example
 * const spec: FigureSpec = { data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: {}, config: {} };
 * spec.data.length; // 1
 */

/** A number, or null for a gap (plotly draws nothing there). */
export type Datum = number | null;

/** One plotly trace (`scatter`, `bar`, `histogram`, `heatmap`, `image`…). */
export interface Trace {
  type: string;
  name?: string;
  x?: (Datum | string)[];
  y?: (Datum | string)[];
  z?: Datum[][] | Datum[][][];
  mode?: string;
  xaxis?: string;
  yaxis?: string;
  [key: string]: unknown;
}

/** One axis of the layout (`xaxis`, `yaxis2`…). */
export interface Axis {
  title?: { text: string };
  range?: [number, number];
  domain?: [number, number];
  anchor?: string;
  showgrid?: boolean;
  scaleanchor?: string;
  [key: string]: unknown;
}

/** The figure's layout. */
export interface Layout {
  title?: { text: string; font?: Record<string, unknown> };
  xaxis?: Axis;
  yaxis?: Axis;
  height?: number;
  width?: number;
  showlegend?: boolean;
  annotations?: Record<string, unknown>[];
  shapes?: Record<string, unknown>[];
  [key: string]: unknown;
}

/** Plotly's `config` (interaction options). */
export interface Config {
  responsive?: boolean;
  displaylogo?: boolean;
  [key: string]: unknown;
}

/** A whole plotly figure as JSON. */
export interface FigureSpec {
  data: Trace[];
  layout: Layout;
  config: Config;
}
