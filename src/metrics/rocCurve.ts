import { ValueError } from "../validation/errors";
import { binaryClfCurve, binaryTruth } from "./binaryCurve";
import { checkPair, type Targets } from "./targets";
import { warnUndefined } from "./warn";

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** The positive class; needed only when yTrue is not {0, 1} or {-1, 1}. */
  posLabel?: number;
  /** Drop thresholds that lie on a straight segment of the curve (default true, as sklearn). */
  dropIntermediate?: boolean;
}

/** The points of a ROC curve. */
export interface RocCurveResult {
  /** False positive rate at each threshold (starts at 0). */
  fpr: number[];
  /** True positive rate at each threshold (starts at 0). */
  tpr: number[];
  /** Decreasing score thresholds; `thresholds[0]` is `Infinity` (no sample predicted positive). */
  thresholds: number[];
}

/**
 * The receiver operating characteristic curve of a binary classifier, as scikit-learn's
 * `roc_curve(y_true, y_score)`.
 *
 * A sample counts as positive at threshold `t` when `yScore >= t`. Tied scores make one point.
 * With `dropIntermediate` (default) points on a straight segment are removed. The first point
 * is (0, 0) with threshold `Infinity` (scikit-learn ≥ 1.3; version 1.2 used `max(yScore) + 1`).
 * When yTrue has no negative (or no positive) sample, fpr (or tpr) is all NaN and an
 * `UndefinedMetricWarning` is printed.
 *
 * @param yTrue True binary labels, {0, 1} or {-1, 1} (else pass `posLabel`).
 * @param yScore Scores or probabilities of the positive class (e.g. `model.predict(x)`).
 * @param options `posLabel`, `dropIntermediate` (default true).
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).tpr; // [0, 0.5, 0.5, 1, 1]
 */
export function rocCurve(
  yTrue: Targets,
  yScore: Targets,
  options: RocCurveOptions = {},
): RocCurveResult {
  const where = "rocCurve";
  const t = checkPair(where, yTrue, "yTrue", yScore, "yScore");
  const truth = binaryTruth(where, t.yTrue, options.posLabel);
  let { fps, tps, thresholds } = binaryClfCurve(truth, t.yPred);
  const drop = options.dropIntermediate ?? true;
  if (typeof drop !== "boolean")
    throw new ValueError(`${where}: dropIntermediate must be true or false; got ${String(drop)}`);
  if (drop && fps.length > 2) {
    const keep: number[] = [];
    for (let i = 0; i < fps.length; i++) {
      if (i === 0 || i === fps.length - 1) keep.push(i);
      else {
        const d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
        const d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
        if (d2f !== 0 || d2t !== 0) keep.push(i);
      }
    }
    fps = keep.map((i) => fps[i]);
    tps = keep.map((i) => tps[i]);
    thresholds = keep.map((i) => thresholds[i]);
  }
  fps.unshift(0);
  tps.unshift(0);
  thresholds.unshift(Infinity);
  const nNeg = fps[fps.length - 1];
  const nPos = tps[tps.length - 1];
  if (nNeg <= 0)
    warnUndefined("No negative samples in y_true, false positive value should be meaningless");
  if (nPos <= 0)
    warnUndefined("No positive samples in y_true, true positive value should be meaningless");
  return {
    fpr: fps.map((v) => (nNeg <= 0 ? NaN : v / nNeg)),
    tpr: tps.map((v) => (nPos <= 0 ? NaN : v / nPos)),
    thresholds,
  };
}
