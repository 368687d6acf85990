import { ValueError } from "../validation/errors";
import { checkClassTargets, type Targets, type ThresholdOption } from "./targets";

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions extends ThresholdOption {
  /** Row/column order; defaults to the sorted labels found in yTrue and yPred. */
  labels?: number[];
  /** Divide by row sums (`"true"`), column sums (`"pred"`) or the total (`"all"`); 0/0 gives 0. */
  normalize?: "true" | "pred" | "all";
}

/**
 * The confusion matrix, as scikit-learn's `confusion_matrix`: entry `[i][j]` counts the samples
 * whose true label is `labels[i]` and predicted label is `labels[j]`.
 *
 * Samples whose true or predicted label is not in `labels` are left out. With `normalize` the
 * counts become fractions (rows, columns or everything sum to 1; an all-zero row stays 0).
 * Probabilities need `{ threshold: 0.5 }` (see `accuracyScore`).
 *
 * @param yTrue True labels (number[], Series, one-column DataFrame, tensor).
 * @param yPred Predicted labels.
 * @param options `labels` (default: sorted union), `normalize` (default: counts), `threshold`.
 * @example
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]); // [[2, 0], [1, 1]]
 */
export function confusionMatrix(
  yTrue: Targets,
  yPred: Targets,
  options: ConfusionMatrixOptions = {},
): number[][] {
  const where = "confusionMatrix";
  const t = checkClassTargets(where, yTrue, yPred, options);
  const { normalize } = options;
  if (
    normalize !== undefined &&
    normalize !== "true" &&
    normalize !== "pred" &&
    normalize !== "all"
  )
    throw new ValueError(
      `${where}: normalize must be "true", "pred", "all" or undefined; got ${JSON.stringify(normalize)}`,
    );
  let labels = t.labels;
  if (options.labels !== undefined) {
    labels = Array.from(options.labels);
    if (labels.length === 0)
      throw new ValueError(`${where}: labels must contain at least one label; got []`);
    const present = new Set(t.yTrue);
    if (!labels.some((l) => present.has(l)))
      throw new ValueError(
        `${where}: at least one of labels [${labels.join(", ")}] must occur in yTrue ` +
          `(yTrue has [${[...present].sort((a, b) => a - b).join(", ")}])`,
      );
  }
  const index = new Map<number, number>();
  labels.forEach((l, i) => {
    if (!index.has(l)) index.set(l, i);
  });
  const k = labels.length;
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let s = 0; s < t.yTrue.length; s++) {
    const i = index.get(t.yTrue[s]);
    const j = index.get(t.yPred[s]);
    if (i !== undefined && j !== undefined) cm[i][j]++;
  }
  if (normalize === undefined) return cm;
  const div = (v: number, d: number) => (d === 0 ? 0 : v / d);
  if (normalize === "all") {
    const total = cm.reduce((a, row) => a + row.reduce((p, q) => p + q, 0), 0);
    return cm.map((row) => row.map((v) => div(v, total)));
  }
  if (normalize === "true") {
    return cm.map((row) => {
      const sum = row.reduce((p, q) => p + q, 0);
      return row.map((v) => div(v, sum));
    });
  }
  const colSums = labels.map((_, j) => cm.reduce((a, row) => a + row[j], 0));
  return cm.map((row) => row.map((v, j) => div(v, colSums[j])));
}
