/**
 * `LivePlot`: learning curves redrawn under the cell after every epoch while `fit` runs.
 *
 * Behaviour: at the first epoch end it displays a frame with a display id, and replaces that
 * same output (`update_display_data`) after each later epoch: one static SVG chart per metric
 * (train and validation curves) and a line with the latest values, in `text/html`. When
 * training ends the output is replaced by the interactive plotly figure of `dl_history_plot`.
 * Works as a callback of the Keras-style `fit` and of raw tfjs `model.fit` (its hooks are
 * bound, so tfjs may call them detached). Drawing problems are reported once on stderr and
 * never stop training.
 *
 * Why SVG frames: measured in Debian's Jupyter Notebook 6.4.12 (classic) in Chromium,
 * `update_display_data` re-renders the output for any MIME type (OutputArea re-runs
 * `append_mime_type`), and an inline `<svg>` in `text/html` is replaced at every epoch without
 * any script; the plotly JSON type has no renderer there, and in JupyterLab the plotly
 * renderer may keep the old graph on update. So frames are inline SVG and only the final
 * output carries the plotly figure (whose script also runs on update in Notebook 6).
 *
 * Options:
 * - `metrics` (default: every metric seen): e.g. `["loss"]`.
 * - `every` (default 1): redraw every n epochs (the last epoch is always drawn).
 * - `finalFigure` (default true): end with the interactive plotly figure.
 *
 * @example
 * const live = new LivePlot();
 * await model.fit(x, y, { epochs: 20, validationSplit: 0.2, callbacks: [live] });
 * live.history.loss.length; // 20
 */
import { Callback, type Logs } from "../keras/callbacks/callback";
import { historyFigure } from "../plot/historyFigure";
import { color } from "../plot/style";
import { svgLineChart } from "../plot/svgLineChart";
import { display, newDisplayId } from "./display";
import { figureBundle } from "./figureBundle";
import type { MimeBundle } from "./mime";

/** Options of `LivePlot`. */
export interface LivePlotOptions {
  /** Metrics to draw. Default: all (loss first). */
  metrics?: string[];
  /** Redraw every n epochs. Default 1. */
  every?: number;
  /** Replace the frames by the plotly figure at the end. Default true. */
  finalFigure?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));

/** Live learning curves (see the module doc). */
export class LivePlot extends Callback {
  /** Metric name → value per epoch, as recorded so far. */
  readonly history: Record<string, number[]> = {};
  /** The output's display id (set at the first frame). */
  displayId: string | null = null;
  private readonly options: LivePlotOptions;
  private epochsPlanned: number | null = null;
  private warned = false;

  constructor(options: LivePlotOptions = {}) {
    super();
    this.options = options;
    this.onTrainBegin = this.onTrainBegin.bind(this);
    this.onEpochEnd = this.onEpochEnd.bind(this);
    this.onTrainEnd = this.onTrainEnd.bind(this);
  }

  override onTrainBegin(): void {
    for (const k of Object.keys(this.history)) delete this.history[k];
    this.displayId = null;
    const p = this.params as { epochs?: number } | null;
    this.epochsPlanned = typeof p?.epochs === "number" ? p.epochs : null;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    for (const [k, v] of Object.entries(logs)) {
      const values = (this.history[k] ??= []);
      while (values.length < epoch) values.push(NaN);
      values[epoch] = typeof v === "number" ? v : Number(v);
    }
    const every = Math.max(1, Math.floor(this.options.every ?? 1));
    const last = this.epochsPlanned !== null && epoch + 1 >= this.epochsPlanned;
    if ((epoch + 1) % every === 0 || last || epoch === 0) this.show(this.frame(epoch), false);
  }

  override onTrainEnd(): void {
    if (this.options.finalFigure === false || !this.history.loss?.length) return;
    this.show(null, true);
  }

  /** The metrics drawn, loss first. */
  private metrics(): string[] {
    const seen = Object.keys(this.history).filter((k) => !k.startsWith("val_"));
    return (
      this.options.metrics ?? [
        ...seen.filter((k) => k === "loss"),
        ...seen.filter((k) => k !== "loss"),
      ]
    );
  }

  /** One frame: an SVG chart per metric and a status line. */
  frame(epoch: number): MimeBundle {
    const metrics = this.metrics().filter((m) => this.history[m]);
    const charts = metrics.map((m) => {
      const short = m === "loss" ? "err" : m;
      const series = [{ name: `train_${short}`, values: this.history[m], color: color(0) }];
      const val = this.history[`val_${m}`];
      if (val) series.push({ name: `val_${short}`, values: val, color: color(1) });
      return svgLineChart(series, { title: m === "loss" ? "Loss" : m, yLabel: m });
    });
    const of = this.epochsPlanned ? `/${this.epochsPlanned}` : "";
    const values = Object.entries(this.history).map(([k, v]) => `${k} ${fmt(v[epoch])}`);
    const status = `Epoch ${epoch + 1}${of} — ${values.join(" · ")}`;
    return {
      "text/html":
        `<div class="tslab-ml-live" data-epoch="${epoch + 1}">` +
        charts
          .map((c) => `<div style="display:inline-block;margin-right:8px">${c}</div>`)
          .join("") +
        `<div style="font-family:monospace;font-size:12px">${esc(status)}</div></div>`,
      "text/plain": status,
    };
  }

  private show(bundle: MimeBundle | null, final: boolean): void {
    try {
      const b =
        bundle ??
        figureBundle(historyFigure(this.history, { metrics: this.options.metrics }, "LivePlot"));
      if (this.displayId === null) {
        if (final) return;
        this.displayId = newDisplayId();
        display(b, { raw: true, id: this.displayId });
      } else {
        display(b, { raw: true, id: this.displayId, update: true });
      }
    } catch (e) {
      if (!this.warned)
        process.stderr.write(
          `LivePlot: could not draw the learning curves: ${(e as Error).message}\n`,
        );
      this.warned = true;
    }
  }
}
