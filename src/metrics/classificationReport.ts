import { JUPYTER_DISPLAY, type MimeBundle } from "../display/mime";
import { ValueError } from "../validation/errors";
import { prfSupport, type PrfOptions } from "./prfSupport";
import { padLeft, pyFixed } from "./pyFormat";
import { checkClassTargets, type Targets } from "./targets";

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions extends Pick<
  PrfOptions,
  "labels" | "zeroDivision" | "threshold"
> {
  /** Display names of the labels, in label order (default: the labels themselves). */
  targetNames?: string[];
  /** Decimal places in the text and HTML (default 2). */
  digits?: number;
  /** Return scikit-learn's dict (unrounded numbers) instead of the report object. */
  outputDict?: boolean;
}

/** The scores of one row of the report. */
export interface ReportRow {
  precision: number;
  recall: number;
  "f1-score": number;
  support: number;
}

/** scikit-learn's `output_dict=True` shape: one entry per label, then the averages. */
export type ClassificationReportDict = Record<string, ReportRow | number>;

const HEADERS = ["precision", "recall", "f1-score", "support"] as const;

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
  );
}

/** One line of the report: a label (or an average) and its scores. */
export type ReportLine = [name: string, scores: ReportRow | number];

/** A classification report: `toString()` is the text, Jupyter shows an HTML table. */
export class ClassificationReport {
  constructor(
    /** Per-label lines, then the accuracy / average lines, in display order. */
    readonly lines: { labels: ReportLine[]; averages: ReportLine[] },
    /** Decimal places used by `toString()` and the HTML table. */
    readonly digits: number,
  ) {}

  /** The same numbers as `outputDict: true`. */
  get dict(): ClassificationReportDict {
    return Object.fromEntries([...this.lines.labels, ...this.lines.averages]);
  }

  private cells(v: ReportRow | number): string[] {
    const f = (x: number) => pyFixed(x, this.digits);
    if (typeof v !== "number")
      return [f(v.precision), f(v.recall), f(v["f1-score"]), String(v.support)];
    const macro = this.lines.averages.find(([n]) => n === "macro avg")?.[1] as ReportRow;
    return ["", "", f(v), String(macro.support)];
  }

  /** The text exactly as scikit-learn prints it. */
  toString(): string {
    const { labels, averages } = this.lines;
    const width = Math.max(
      ...labels.map(([n]) => [...n].length),
      "weighted avg".length,
      this.digits,
    );
    const line = (name: string, cells: string[]) =>
      padLeft(name, width) + " " + cells.map((c) => " " + padLeft(c, 9)).join("");
    let text = line("", [...HEADERS]) + "\n\n";
    for (const [n, v] of labels) text += line(n, this.cells(v)) + "\n";
    text += "\n";
    for (const [n, v] of averages) text += line(n, this.cells(v)) + "\n";
    return text;
  }

  /** An HTML table with the same rows. */
  toHtml(): string {
    const th = (s: string) => `<th>${escapeHtml(s)}</th>`;
    const td = (s: string) => `<td style="text-align:right">${s}</td>`;
    const body = [...this.lines.labels, ...this.lines.averages]
      .map(([n, v]) => `<tr>${th(n)}${this.cells(v).map(td).join("")}</tr>`)
      .join("");
    return (
      `<table class="classification-report"><thead><tr><th></th>${HEADERS.map(th).join("")}` +
      `</tr></thead><tbody>${body}</tbody></table>`
    );
  }

  /** `console.log(report)` prints the text, as Python's `print(report)`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  [JUPYTER_DISPLAY](): MimeBundle {
    return { "text/plain": this.toString(), "text/html": this.toHtml() };
  }
}

/**
 * Precision, recall, F1 and support per class plus accuracy, macro and weighted averages, as
 * scikit-learn's `classification_report`. Returns an object whose `toString()` is
 * scikit-learn's text (so `console.log(String(report))` prints the familiar table) and which
 * Jupyter shows as an HTML table; with `outputDict: true` returns scikit-learn's dict.
 *
 * When `labels` leave out some classes, "accuracy" is replaced by a "micro avg" row, as in
 * scikit-learn. Zero divisions print `UndefinedMetricWarning`s unless `zeroDivision` is 0 or 1.
 *
 * @param yTrue True labels.
 * @param yPred Predicted labels (or probabilities with `threshold`).
 * @param options `targetNames`, `labels`, `digits` (2), `outputDict` (false), `zeroDivision`
 *   ("warn"), `threshold` (none).
 * @example
 * classificationReport([0, 1, 1], [0, 1, 0], { outputDict: true }).accuracy; // 0.6666666666666666
 */
export function classificationReport(
  yTrue: Targets,
  yPred: Targets,
  options: ClassificationReportOptions & { outputDict: true },
): ClassificationReportDict;
export function classificationReport(
  yTrue: Targets,
  yPred: Targets,
  options?: ClassificationReportOptions,
): ClassificationReport;
export function classificationReport(
  yTrue: Targets,
  yPred: Targets,
  options: ClassificationReportOptions = {},
): ClassificationReport | ClassificationReportDict {
  const where = "classificationReport";
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20)
    throw new ValueError(`${where}: digits must be an integer from 0 to 20; got ${String(digits)}`);
  const t = checkClassTargets(where, yTrue, yPred, options);
  const labels = options.labels ? Array.from(options.labels) : t.labels;
  const sameSet = (a: number[], b: number[]) =>
    new Set(a).size === new Set(b).size && a.every((v) => b.includes(v));
  const microIsAccuracy = !options.labels || sameSet(labels, t.labels);
  let names = labels.map(String);
  if (options.targetNames) {
    if (options.targetNames.length !== labels.length) {
      const msg = `labels size, ${labels.length}, does not match size of targetNames, ${options.targetNames.length}`;
      if (options.labels) console.warn(`UserWarning: ${msg}`);
      else
        throw new ValueError(
          `${where}: number of classes, ${labels.length}, does not match size of targetNames, ` +
            `${options.targetNames.length}; try specifying the labels option`,
        );
    }
    names = options.targetNames.map(String);
  }
  const base = { labels, zeroDivision: options.zeroDivision };
  const all = ["precision", "recall", "f-score"] as const;
  const y = { yTrue: t.yTrue, yPred: t.yPred };
  const per = prfSupport(where, y.yTrue, y.yPred, { ...base, average: null }, [...all]);
  const arr = (v: number | number[]) => v as number[];
  const lines: { labels: ReportLine[]; averages: ReportLine[] } = { labels: [], averages: [] };
  labels.forEach((_, i) => {
    if (i >= names.length) return;
    const row = { precision: arr(per.p)[i], recall: arr(per.r)[i], "f1-score": arr(per.f)[i] };
    lines.labels.push([names[i], { ...row, support: per.support[i] }]);
  });
  const total = per.support.reduce((a, b) => a + b, 0);
  for (const average of ["micro", "macro", "weighted"] as const) {
    const a = prfSupport(where, y.yTrue, y.yPred, { ...base, average }, [...all]);
    const row = { precision: a.p as number, recall: a.r as number, "f1-score": a.f as number };
    if (average === "micro" && microIsAccuracy) lines.averages.push(["accuracy", row.precision]);
    else lines.averages.push([`${average} avg`, { ...row, support: total }]);
  }
  const report = new ClassificationReport(lines, digits);
  return options.outputDict ? report.dict : report;
}
