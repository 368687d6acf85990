/**
 * `checkFigure(value, where, arg)`: accept a plotly figure, or throw a message that says what
 * was received instead.
 *
 * Behaviour: a `Figure` or any object with a `data` array of traces (each an object) and an
 * optional `layout` / `config` object is a figure; the plotly JSON is returned
 * (`{data, layout, config}` with `{}` for a missing layout or config).
 *
 * @example
 * checkFigure({ data: [] }, "figureBundle", "figure"); // { data: [], layout: {}, config: {} }
 * checkFigure(42, "figureBundle", "figure"); // throws TypeError: figureBundle: figure must be …
 */
import { ArgumentTypeError, describe } from "../validation/errors";
import type { FigureSpec, Trace } from "./types";

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** The plotly JSON of `value`, or a TypeError naming `where` and `arg`. */
export function checkFigure(value: unknown, where: string, arg: string): FigureSpec {
  const spec =
    isObject(value) && typeof value.toJSON === "function"
      ? (value.toJSON as () => unknown)()
      : value;
  const ok =
    isObject(spec) &&
    Array.isArray(spec.data) &&
    spec.data.every(isObject) &&
    (spec.layout === undefined || isObject(spec.layout)) &&
    (spec.config === undefined || isObject(spec.config));
  if (!ok) {
    throw new ArgumentTypeError(
      `${where}: ${arg} must be a plotly figure ({data: [traces], layout?, config?}, e.g. from ` +
        `line() or dl_history_plot()); got ${describe(value)}`,
    );
  }
  const s = spec as Record<string, unknown>;
  return {
    data: s.data as Trace[],
    layout: (s.layout as FigureSpec["layout"]) ?? {},
    config: (s.config as FigureSpec["config"]) ?? {},
  };
}
