import { ValueError } from "../validation/errors";
import { binaryClfCurve } from "./binaryCurve";
import { checkPair, firstNonInteger, uniqueSorted, type Targets } from "./targets";

/**
 * Area under the ROC curve of a binary classifier, as scikit-learn's `roc_auc_score`
 * (higher is better: 1 ranks every positive above every negative, 0.5 is chance).
 *
 * yTrue holds two classes; the larger label is the positive one (1 in {0, 1}). yScore is the
 * score or probability of the positive class, e.g. `model.predict(x)` of a sigmoid output;
 * no threshold is needed. Tied scores count as half-ordered (trapezoidal rule).
 *
 * @param yTrue True binary labels.
 * @param yScore Scores of the positive class, same length.
 * @throws ValueError when yTrue holds only one class (AUC is undefined) or more than two.
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function rocAucScore(yTrue: Targets, yScore: Targets): number {
  const where = "rocAucScore";
  const t = checkPair(where, yTrue, "yTrue", yScore, "yScore");
  const bad = firstNonInteger(t.yTrue);
  if (bad !== undefined)
    throw new ValueError(
      `${where}: yTrue must hold binary class labels; got continuous values such as ${bad}`,
    );
  const classes = uniqueSorted(t.yTrue);
  if (classes.length === 1)
    throw new ValueError(
      `${where}: only one class present in yTrue (every label is ${classes[0]}); ` +
        `ROC AUC score is not defined in that case`,
    );
  if (classes.length > 2)
    throw new ValueError(
      `${where}: yTrue has ${classes.length} classes [${classes.join(", ")}]; only binary ` +
        `targets are supported (compute one score per class, one-vs-rest)`,
    );
  const truth = Uint8Array.from(t.yTrue, (v) => (v === classes[1] ? 1 : 0));
  const { fps, tps } = binaryClfCurve(truth, t.yPred);
  const nNeg = fps[fps.length - 1];
  const nPos = tps[tps.length - 1];
  let area = 0;
  let prevF = 0;
  let prevT = 0;
  for (let i = 0; i < fps.length; i++) {
    const f = fps[i] / nNeg;
    const tp = tps[i] / nPos;
    area += ((f - prevF) * (tp + prevT)) / 2;
    prevF = f;
    prevT = tp;
  }
  return area;
}
