/**
 * Regression errors, as scikit-learn's `sklearn.metrics._regression`: lower is better, 0 is a
 * perfect prediction. Inputs are 1-D (number[], typed array, Series, one-column DataFrame,
 * tensor of shape `[n]` or `[n, 1]` such as `model.predict(x)`), of the same non-zero length,
 * without NaN or Infinity.
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 */
import { checkRegTargets, type Targets } from "./targets";

function meanOf(yTrue: Float64Array, yPred: Float64Array, f: (t: number, p: number) => number) {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += f(yTrue[i], yPred[i]);
  return sum / yTrue.length;
}

/**
 * Mean squared error `mean((yTrue - yPred)²)` (sklearn `mean_squared_error`, Keras `"mse"`).
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 */
export function meanSquaredError(yTrue: Targets, yPred: Targets): number {
  const t = checkRegTargets("meanSquaredError", yTrue, yPred);
  return meanOf(t.yTrue, t.yPred, (a, b) => (a - b) ** 2);
}

/**
 * Root mean squared error `sqrt(mean((yTrue - yPred)²))`, in the unit of the target
 * (sklearn `mean_squared_error(..., squared=False)` / `root_mean_squared_error`).
 *
 * @example
 * rootMeanSquaredError([1, 2, 3, 4], [4, 3, 2, 1]); // 2.23606797749979
 */
export function rootMeanSquaredError(yTrue: Targets, yPred: Targets): number {
  const t = checkRegTargets("rootMeanSquaredError", yTrue, yPred);
  return Math.sqrt(meanOf(t.yTrue, t.yPred, (a, b) => (a - b) ** 2));
}

/**
 * Mean absolute error `mean(|yTrue - yPred|)` (sklearn `mean_absolute_error`, Keras `"mae"`).
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 */
export function meanAbsoluteError(yTrue: Targets, yPred: Targets): number {
  const t = checkRegTargets("meanAbsoluteError", yTrue, yPred);
  return meanOf(t.yTrue, t.yPred, (a, b) => Math.abs(a - b));
}

/**
 * Mean absolute percentage error as scikit-learn defines it: a fraction, not a percentage
 * (`0.1` means 10 %), `mean(|yTrue - yPred| / max(|yTrue|, ε))` with ε = `Number.EPSILON`
 * (2.22e-16). A true value of 0 therefore gives a huge but finite error instead of Infinity.
 * Keras' `"mape"` is 100 times this value.
 *
 * @example
 * meanAbsolutePercentageError([100, 200], [110, 180]); // 0.1
 */
export function meanAbsolutePercentageError(yTrue: Targets, yPred: Targets): number {
  const t = checkRegTargets("meanAbsolutePercentageError", yTrue, yPred);
  return meanOf(
    t.yTrue,
    t.yPred,
    (a, b) => Math.abs(b - a) / Math.max(Math.abs(a), Number.EPSILON),
  );
}
