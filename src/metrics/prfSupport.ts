/**
 * The shared core of `precisionScore`, `recallScore`, `f1Score` and `classificationReport`
 * (scikit-learn's `precision_recall_fscore_support`, with its zero-division rules and
 * `UndefinedMetricWarning` texts).
 *
 * @example
 * prfSupport("f1Score", [0, 1, 1], [0, 1, 0], { average: "macro" }, ["f-score"]).f; // 0.6666666666666666
 */
import { ValueError } from "../validation/errors";
import { checkClassTargets, type ThresholdOption } from "./targets";
import { warnUndefined } from "./warn";

/** How per-class scores are combined. */
export type Average = "binary" | "macro" | "micro" | "weighted";

/** Options of the precision / recall / F1 family. */
export interface PrfOptions extends ThresholdOption {
  /**
   * `"binary"` (default): the score of `posLabel` only; `"macro"`: unweighted mean over labels;
   * `"micro"`: from the total counts; `"weighted"`: mean weighted by each label's support;
   * `null`: one score per label (in the order of `labels`).
   */
  average?: Average | null;
  /** The positive class for `average: "binary"` (default 1). */
  posLabel?: number;
  /** Labels to include (default: all labels seen in yTrue and yPred, sorted). */
  labels?: number[];
  /**
   * Value when a ratio is 0/0: `"warn"` (default) gives 0 and prints an
   * `UndefinedMetricWarning`; `0` or `1` give that value silently.
   */
  zeroDivision?: "warn" | 0 | 1;
}

/** Per-label (or averaged) scores. */
export interface PrfResult {
  p: number | number[];
  r: number | number[];
  f: number | number[];
  /** Number of true samples per label. */
  support: number[];
  labels: number[];
}

type WarnFor = "precision" | "recall" | "f-score";
const AVERAGES = ["binary", "macro", "micro", "weighted", null];

function warnPrf(modifier: string, msgStart: string, size: number) {
  const where = size === 1 ? "due to" : "in labels with";
  warnUndefined(
    `${msgStart} ill-defined and being set to 0.0 ${where} no ${modifier} samples. ` +
      "Use the `zeroDivision` option to control this behavior.",
  );
}

function divide(
  num: number[],
  den: number[],
  metric: WarnFor,
  modifier: string,
  warnFor: WarnFor[],
  zeroDivision: "warn" | 0 | 1,
): number[] {
  const fill = zeroDivision === 1 ? 1 : 0;
  const result = num.map((v, i) => (den[i] === 0 ? fill : v / den[i]));
  if (zeroDivision !== "warn" || !den.includes(0) || !warnFor.includes(metric)) return result;
  const title = metric[0].toUpperCase() + metric.slice(1);
  warnPrf(
    modifier,
    warnFor.includes("f-score") ? `${title} and F-score are` : `${title} is`,
    num.length,
  );
  return result;
}

function checkOptions(where: string, o: PrfOptions) {
  const average = o.average === undefined ? "binary" : o.average;
  if (!AVERAGES.includes(average))
    throw new ValueError(
      `${where}: average must be "binary", "macro", "micro", "weighted" or null; got ${JSON.stringify(average)}`,
    );
  const zeroDivision = o.zeroDivision ?? "warn";
  if (zeroDivision !== "warn" && zeroDivision !== 0 && zeroDivision !== 1)
    throw new ValueError(
      `${where}: zeroDivision must be "warn", 0 or 1; got ${JSON.stringify(zeroDivision)}`,
    );
  return { average, zeroDivision };
}

/** Precision, recall, F1 and support, averaged as asked. */
export function prfSupport(
  where: string,
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions,
  warnFor: WarnFor[],
): PrfResult {
  const { average, zeroDivision } = checkOptions(where, options);
  const t = checkClassTargets(where, yTrue, yPred, options);
  let labels = options.labels ? Array.from(options.labels) : t.labels;
  if (average === "binary") {
    if (t.type !== "binary")
      throw new ValueError(
        `${where}: the targets have ${t.labels.length} classes [${t.labels.join(", ")}] but ` +
          `average is "binary"; choose average "macro", "micro", "weighted" or null`,
      );
    const pos = options.posLabel ?? 1;
    if (!t.labels.includes(pos) && t.labels.length >= 2)
      throw new ValueError(
        `${where}: posLabel=${pos} is not a valid label; it should be one of [${t.labels.join(", ")}]`,
      );
    labels = [pos];
  } else if (options.posLabel !== undefined && options.posLabel !== 1) {
    console.warn(
      `UserWarning: Note that posLabel (set to ${options.posLabel}) is ignored when average ` +
        `!= "binary" (got ${JSON.stringify(average)}). You may use labels: [posLabel] to ` +
        `specify a single positive class.`,
    );
  }
  const index = new Map(labels.map((l, i) => [l, i] as const));
  let tp = labels.map(() => 0);
  let predSum = labels.map(() => 0);
  let trueSum = labels.map(() => 0);
  for (let s = 0; s < t.yTrue.length; s++) {
    const i = index.get(t.yTrue[s]);
    const j = index.get(t.yPred[s]);
    if (i !== undefined) trueSum[i]++;
    if (j !== undefined) predSum[j]++;
    if (i !== undefined && t.yTrue[s] === t.yPred[s]) tp[i]++;
  }
  const support = trueSum;
  if (average === "micro") {
    const sum = (a: number[]) => [a.reduce((x, y) => x + y, 0)];
    [tp, predSum, trueSum] = [sum(tp), sum(predSum), sum(trueSum)];
  }
  const p = divide(tp, predSum, "precision", "predicted", warnFor, zeroDivision);
  const r = divide(tp, trueSum, "recall", "true", warnFor, zeroDivision);
  if (zeroDivision === "warn" && warnFor.length === 1 && warnFor[0] === "f-score") {
    if (trueSum.some((v, i) => v === 0 && predSum[i] === 0))
      warnPrf("true nor predicted", "F-score is", trueSum.length);
  }
  const f = p.map((pv, i) => (pv + r[i] === 0 ? 0 : (2 * pv * r[i]) / (pv + r[i])));
  if (average === null) return { p, r, f, support, labels };
  let weights = p.map(() => 1);
  if (average === "weighted") {
    weights = trueSum;
    if (weights.every((w) => w === 0)) {
      const z = zeroDivision === 1 ? 1 : 0;
      const noPred = predSum.every((v) => v === 0);
      return { p: noPred ? z : 0, r: z, f: noPred ? z : 0, support, labels };
    }
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const avg = (a: number[]) => a.reduce((acc, v, i) => acc + v * weights[i], 0) / total;
  return { p: avg(p), r: avg(r), f: avg(f), support, labels };
}
