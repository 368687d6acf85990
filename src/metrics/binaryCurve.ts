/**
 * Shared core of `rocCurve` and `rocAucScore` (scikit-learn's `_binary_clf_curve`): true and
 * false positive counts at each distinct score, highest score first.
 *
 * @example
 * binaryClfCurve(Uint8Array.from([0, 1]), Float64Array.from([0.2, 0.7]));
 * // { fps: [0, 1], tps: [1, 1], thresholds: [0.7, 0.2] }
 */
import { ValueError } from "../validation/errors";
import { firstNonInteger, uniqueSorted } from "./targets";

/** Counts at each distinct threshold, thresholds decreasing. */
export interface ClfCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/**
 * yTrue as 0/1 for the positive class. Without `posLabel`, yTrue must take its values in
 * {0, 1} or {-1, 1} (the positive class is 1), as in scikit-learn.
 */
export function binaryTruth(where: string, yTrue: Float64Array, posLabel?: number): Uint8Array {
  const bad = firstNonInteger(yTrue);
  if (bad !== undefined)
    throw new ValueError(
      `${where}: yTrue must hold binary class labels; got continuous values such as ${bad}`,
    );
  const classes = uniqueSorted(yTrue);
  if (posLabel === undefined) {
    if (classes.length > 2)
      throw new ValueError(
        `${where}: yTrue must be binary; got ${classes.length} classes [${classes.join(", ")}] ` +
          `(for several classes compute one curve per class, one-vs-rest)`,
      );
    if (!classes.every((c) => c === 0 || c === 1) && !classes.every((c) => c === -1 || c === 1))
      throw new ValueError(
        `${where}: yTrue takes values in {${classes.join(", ")}} and posLabel is not specified; ` +
          `either make yTrue take values in {0, 1} or {-1, 1} or pass { posLabel }`,
      );
    posLabel = 1;
  }
  const pos = posLabel;
  return Uint8Array.from(yTrue, (v) => (v === pos ? 1 : 0));
}

/** True/false positive counts at each distinct score, in decreasing score order. */
export function binaryClfCurve(truth: Uint8Array, score: Float64Array): ClfCurve {
  const order = Array.from(score.keys()).sort((a, b) => score[b] - score[a]);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    tp += truth[order[k]];
    const last = k === order.length - 1 || score[order[k + 1]] !== score[order[k]];
    if (last) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(score[order[k]]);
    }
  }
  return { fps, tps, thresholds };
}
