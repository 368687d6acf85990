import { checkRegTargets, type Targets } from "./targets";
import { warnUndefined } from "./warn";

/**
 * Coefficient of determination R² = 1 − Σ(yTrue − yPred)² / Σ(yTrue − mean(yTrue))², as
 * scikit-learn's `r2_score`: 1 is a perfect prediction, 0 is as good as always predicting the
 * mean, and it is negative for worse models (higher is better).
 *
 * When yTrue is constant the ratio is undefined; like scikit-learn (`force_finite=True`) the
 * result is then 1 for a perfect prediction and 0 otherwise. With fewer than two samples the
 * result is NaN and an `UndefinedMetricWarning` is printed.
 *
 * @param yTrue True values (1-D: array, Series, one-column DataFrame, tensor).
 * @param yPred Predicted values, same length.
 * @example
 * r2Score([1, 2, 3, 4], [1, 2, 3, 5]); // 0.8
 */
export function r2Score(yTrue: Targets, yPred: Targets): number {
  const t = checkRegTargets("r2Score", yTrue, yPred);
  const n = t.yTrue.length;
  if (n < 2) {
    warnUndefined("R^2 score is not well-defined with less than two samples.");
    return NaN;
  }
  let mean = 0;
  for (const v of t.yTrue) mean += v;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (t.yTrue[i] - t.yPred[i]) ** 2;
    ssTot += (t.yTrue[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
