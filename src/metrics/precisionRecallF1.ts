/**
 * Precision, recall and F1 of a classifier, as scikit-learn's `precision_score`,
 * `recall_score` and `f1_score` (higher is better, 1 is perfect).
 *
 * - precision = TP / (TP + FP): of the samples predicted positive, how many are.
 * - recall = TP / (TP + FN): of the positive samples, how many were found.
 * - F1 = 2 · precision · recall / (precision + recall).
 *
 * Options (see {@link PrfOptions}): `average` (default `"binary"`, the score of
 * `posLabel = 1`; `"macro"`, `"micro"`, `"weighted"`; `null` for one score per label),
 * `posLabel`, `labels`, `zeroDivision` (default `"warn"`: 0 with an `UndefinedMetricWarning`)
 * and `threshold` (turns probabilities into 0/1 labels with `yPred > threshold`; without it,
 * continuous predictions are an error).
 *
 * @example
 * precisionScore([0, 1, 1, 0], [0, 1, 0, 1]); // 0.5
 */
import { prfSupport, type PrfOptions } from "./prfSupport";
import type { Targets } from "./targets";

/** Options where `average: null` asks for one score per label. */
export type PerLabelOptions = PrfOptions & { average: null };

/**
 * Precision TP / (TP + FP).
 *
 * @example
 * precisionScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: "macro" }); // 0.2222222222222222
 */
export function precisionScore(yTrue: Targets, yPred: Targets, options: PerLabelOptions): number[];
export function precisionScore(yTrue: Targets, yPred: Targets, options?: PrfOptions): number;
export function precisionScore(
  yTrue: Targets,
  yPred: Targets,
  options: PrfOptions = {},
): number | number[] {
  return prfSupport("precisionScore", yTrue, yPred, options, ["precision"]).p;
}

/**
 * Recall (sensitivity, true positive rate) TP / (TP + FN).
 *
 * @example
 * recallScore([0, 1, 1, 1], [0, 1, 0, 1]); // 0.6666666666666666
 */
export function recallScore(yTrue: Targets, yPred: Targets, options: PerLabelOptions): number[];
export function recallScore(yTrue: Targets, yPred: Targets, options?: PrfOptions): number;
export function recallScore(
  yTrue: Targets,
  yPred: Targets,
  options: PrfOptions = {},
): number | number[] {
  return prfSupport("recallScore", yTrue, yPred, options, ["recall"]).r;
}

/**
 * F1 score, the harmonic mean of precision and recall.
 *
 * @example
 * f1Score([0, 1, 1, 1], [0.2, 0.9, 0.3, 0.7], { threshold: 0.5 }); // 0.8
 */
export function f1Score(yTrue: Targets, yPred: Targets, options: PerLabelOptions): number[];
export function f1Score(yTrue: Targets, yPred: Targets, options?: PrfOptions): number;
export function f1Score(
  yTrue: Targets,
  yPred: Targets,
  options: PrfOptions = {},
): number | number[] {
  return prfSupport("f1Score", yTrue, yPred, options, ["f-score"]).f;
}
