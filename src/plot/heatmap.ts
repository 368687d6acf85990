/**
 * `heatmap(z, options)`: a grid of coloured cells, optionally with each value written in it.
 *
 * Behaviour: `z` is a matrix (rows of numbers, a DataFrame or a 2-D tensor); row 0 is drawn at
 * the top, as in a printed table. NaN cells stay empty.
 *
 * Options (besides `title`, `xLabel`, `yLabel`, `height`):
 * - `x` / `y` (default 0, 1, 2…): column / row labels.
 * - `colorscale` (default "Blues", larger values darker): a plotly colour scale name.
 * - `annotate` (default false): write each value in its cell.
 * - `digits` (default 2): decimals of the written values (integers are written as they are).
 *
 * @example
 * heatmap([[1, 2], [3, 4]], { annotate: true }).layout.annotations?.length; // 4
 */
import { ValueError } from "../validation/errors";
import { toMatrix } from "../validation/coerce";
import { asExportedDanfo } from "../validation/danfoBase";
import { checkNotEmpty } from "../validation/checks";
import { Figure } from "./figure";
import { axis, baseLayout, type BaseOptions } from "./style";
import type { Datum } from "./types";
import { range } from "./values";

/** Options of `heatmap`. */
export interface HeatmapOptions extends BaseOptions {
  /** Column labels. Default 0, 1, 2… */
  x?: (string | number)[];
  /** Row labels. Default 0, 1, 2… */
  y?: (string | number)[];
  /** Plotly colour scale. Default "Blues". */
  colorscale?: string;
  /** Write the values in the cells. Default false. */
  annotate?: boolean;
  /** Decimals of written values. Default 2. */
  digits?: number;
}

/** A heatmap (see the module doc). */
export function heatmap(z: unknown, options: HeatmapOptions = {}): Figure {
  const m = toMatrix(asExportedDanfo(z), "heatmap", "z");
  checkNotEmpty("heatmap", "z", m.rows * m.cols);
  const rows: Datum[][] = range(m.rows).map((i) =>
    range(m.cols).map((j) => {
      const v = m.data[i * m.cols + j];
      return Number.isFinite(v) ? v : null;
    }),
  );
  const x = (options.x ?? m.columns ?? range(m.cols)).map(String);
  const y = (options.y ?? range(m.rows)).map(String);
  if (x.length !== m.cols || y.length !== m.rows) {
    throw new ValueError(
      `heatmap: z is ${m.rows}×${m.cols} but got ${y.length} row labels (y) and ${x.length} column labels (x)`,
    );
  }
  const layout = baseLayout(options);
  layout.xaxis = axis(options.xLabel, { showgrid: false, type: "category" });
  layout.yaxis = axis(options.yLabel, { showgrid: false, type: "category", autorange: "reversed" });
  if (options.annotate) {
    const max = Math.max(...rows.flat().filter((v): v is number => v !== null));
    const digits = options.digits ?? 2;
    layout.annotations = rows.flatMap((row, i) =>
      row.map((v, j) => ({
        x: x[j],
        y: y[i],
        text: v === null ? "" : Number.isInteger(v) ? String(v) : v.toFixed(digits),
        showarrow: false,
        font: { color: v !== null && v > max / 2 ? "white" : "black" },
      })),
    );
  }
  return new Figure({
    data: [
      {
        type: "heatmap",
        z: rows,
        x,
        y,
        colorscale: options.colorscale ?? "Blues",
        // plotly's sequential scales run dark → light; reversed, larger values are darker
        reversescale: options.colorscale === undefined,
      },
    ],
    layout,
  });
}
