import { ValueError } from "../validation/errors";
import { checkClassTargets, type Targets, type ThresholdOption } from "./targets";

/** Options of {@link accuracyScore}. */
export interface AccuracyOptions extends ThresholdOption {
  /** `true` (default): the fraction of correct predictions; `false`: their count. */
  normalize?: boolean;
}

/**
 * Classification accuracy, as scikit-learn's `accuracy_score`: the fraction (or, with
 * `normalize: false`, the number) of samples whose predicted label equals the true label.
 *
 * Labels are integer-valued numbers (0/1, 0..9…). Probabilities such as the output of a
 * sigmoid layer are refused with an error, unless `threshold` is given: then
 * `yPred > threshold` becomes 1 and the rest 0 (Keras' `binary_accuracy` rule).
 *
 * @param yTrue True labels (array, Series, one-column DataFrame, tensor).
 * @param yPred Predicted labels (or probabilities with `threshold`).
 * @param options `normalize` (default true), `threshold` (default: none).
 * @example
 * accuracyScore([0, 1, 1, 0], [0.1, 0.8, 0.4, 0.3], { threshold: 0.5 }); // 0.75
 */
export function accuracyScore(
  yTrue: Targets,
  yPred: Targets,
  options: AccuracyOptions = {},
): number {
  const t = checkClassTargets("accuracyScore", yTrue, yPred, options);
  const normalize = options.normalize ?? true;
  if (typeof normalize !== "boolean")
    throw new ValueError(
      `accuracyScore: normalize must be true or false; got ${String(normalize)}`,
    );
  let correct = 0;
  for (let i = 0; i < t.yTrue.length; i++) if (t.yTrue[i] === t.yPred[i]) correct++;
  return normalize ? correct / t.yTrue.length : correct;
}
