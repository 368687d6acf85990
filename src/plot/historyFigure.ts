/**
 * `historyFigure(history, options)`: learning curves, train and validation per epoch.
 *
 * Behaviour: one panel per metric (loss first, then e.g. accuracy; side by side), each with
 * the training curve ("train_err" for the loss, "train_accuracy"…) and, when the history has
 * it, the validation curve ("val_err", "val_accuracy"…), with markers and grid lines; x is the
 * epoch (1, 2, …), y the metric. A missing validation curve or NaN values are said in the
 * panel's title; an empty history or an unknown metric throws. This is the pure figure behind
 * `dl_history_plot` and the rich display of History objects.
 *
 * Options:
 * - `metrics` (default: every metric in the history except the learning rate `lr`): names such
 *   as `["loss", "accuracy"]`.
 * - `title` (default none): a title above the panels.
 *
 * @example
 * const fig = historyFigure({ loss: [0.9, 0.5], val_loss: [1, 0.7] });
 * fig.data.map((t) => t.name); // ["train_err", "val_err"]
 */
import { ValueError } from "../validation/errors";
import { Figure } from "./figure";
import { readHistory } from "./history";
import { lineTraces } from "./line";
import { baseLayout } from "./style";
import { range, withNotes } from "./values";
import { subplots } from "./subplots";

/** Options of `historyFigure` and `dl_history_plot`. */
export interface HistoryFigureOptions {
  /** Metrics to plot. Default: all of them (loss first). */
  metrics?: string | string[];
  /** Overall title. Default none. */
  title?: string;
}

const isVal = (k: string) => k.startsWith("val_");

function panel(record: Record<string, number[]>, metric: string, where: string): Figure {
  const train = record[metric];
  if (train.length === 0) {
    throw new ValueError(
      `${where}: history.${metric} is empty; train for at least one epoch first`,
    );
  }
  const short = metric === "loss" ? "err" : metric;
  const series = [{ y: train, x: range(train.length, 1), name: `train_${short}` }];
  const val = record[`val_${metric}`];
  const notes: string[] = [];
  if (val && val.length > 0) series.push({ y: val, x: range(val.length, 1), name: `val_${short}` });
  else
    notes.push(
      `val_${metric} missing (no validation data: use validationSplit or validationData in fit)`,
    );
  const skipped = series.map((s) => s.y.filter((v) => !Number.isFinite(v)).length);
  if (skipped.every((n, i) => n === series[i].y.length)) {
    throw new ValueError(
      `${where}: every value of ${metric} is NaN; the training diverged (lower the learning rate)`,
    );
  }
  const { traces, notes: nanNotes } = lineTraces(series, true, where);
  const label = metric === "loss" ? "Loss" : metric;
  const layout = baseLayout({ xLabel: "Epoch", yLabel: label });
  if (train.length <= 12) layout.xaxis = { ...layout.xaxis, dtick: 1 };
  layout.title = { text: withNotes(label, [...notes, ...nanNotes]) };
  layout.showlegend = true;
  layout.legend = { orientation: "h", x: 0, y: -0.2 };
  return new Figure({ data: traces, layout });
}

/** Learning curves (see the module doc); `where` names the caller in messages. */
export function historyFigure(
  history: unknown,
  options: HistoryFigureOptions = {},
  where = "historyFigure",
): Figure {
  const record = readHistory(history, where);
  const available = Object.keys(record).filter((k) => !isVal(k));
  // the learning rate (logged by ReduceLROnPlateau) is not a learning curve; plot it on request
  const curves = available.filter((k) => k !== "lr" && k !== "learning_rate");
  const requested =
    options.metrics === undefined ? undefined : ([] as string[]).concat(options.metrics);
  const metrics = requested ?? [
    ...curves.filter((k) => k === "loss"),
    ...curves.filter((k) => k !== "loss"),
  ];
  if (metrics.length === 0) {
    throw new ValueError(
      `${where}: history has only validation metrics (${Object.keys(record).join(", ")}); expected loss`,
    );
  }
  for (const m of metrics) {
    if (!(m in record)) {
      throw new ValueError(
        `${where}: metric "${m}" is not in the history (available: ${available.join(", ")})`,
      );
    }
  }
  const panels = metrics.map((m) => panel(record, m, where));
  if (panels.length === 1 && !options.title) return panels[0];
  const fig = subplots(panels, { title: options.title, height: 420 });
  fig.layout.legend = { orientation: "h", x: 0, y: -0.2 };
  return fig;
}
