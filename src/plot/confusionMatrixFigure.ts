/**
 * `confusionMatrixFigure(yTrue, yPred, options)`: an annotated confusion matrix heatmap, the
 * figure behind `plotConfusionMatrix`.
 *
 * Behaviour: rows are the true classes, columns the predicted ones (as scikit-learn), each cell
 * shows its count (or fraction with `normalize`). Class probabilities or one-hot rows (a
 * `[n, k]` tensor or array with k > 1, e.g. `model.predict(x)`) become class indices by argmax.
 * Counting is `confusionMatrix` from the metrics module, so its checks and messages apply.
 * Samples whose true or predicted label (or probability; a row with a NaN counts as NaN) is
 * NaN / ±Infinity (or null) are skipped and the title says how many ("1 NaN value skipped"), as
 * the other course figures do; every sample skipped throws.
 *
 * Options:
 * - `labels` (default: the classes found): class values (numbers, in this order), or display
 *   names for the classes 0, 1, 2… (strings).
 * - `normalize` (default none): `"true"` (rows sum to 1), `"pred"` or `"all"`.
 * - `threshold` (default none): turns probabilities into 0/1 labels (`yPred > threshold`).
 * - `title` (default "Confusion matrix").
 *
 * @example
 * confusionMatrixFigure([0, 1, 1], [0, 1, 0]).data[0].z; // [[1, 0], [1, 1]]
 */
import { confusionMatrix } from "../metrics/confusionMatrix";
import type { Targets } from "../metrics/targets";
import * as tf from "@tensorflow/tfjs";
import { toVector } from "../validation/coerce";
import { asExportedDanfo } from "../validation/danfoBase";
import { ValueError } from "../validation/errors";
import type { Figure } from "./figure";
import { heatmap } from "./heatmap";
import { finitePairsOf, skippedNote, withNotes } from "./values";

/** Options of `confusionMatrixFigure` and `plotConfusionMatrix`. */
export interface ConfusionMatrixFigureOptions {
  /** Class values (numbers) or names of classes 0, 1, 2… (strings). Default: found classes. */
  labels?: (number | string)[];
  /** Normalise over "true" rows, "pred" columns or "all". Default: counts. */
  normalize?: "true" | "pred" | "all";
  /** Probability threshold for 0/1 predictions. Default none. */
  threshold?: number;
  /** Figure title. Default "Confusion matrix". */
  title?: string;
}

/**
 * Class indices of `[n, k]` probabilities or one-hot rows (argmax, the first of ties, k > 1);
 * a row with a NaN / ±Infinity (or null) gives NaN; anything else as is.
 *
 * @example
 * argmaxRows([[0.1, 0.9], [0.8, 0.2]]); // [1, 0]
 */
export function argmaxRows(value: unknown): Targets {
  const rows =
    value instanceof tf.Tensor && value.rank === 2 && (value.shape[1] ?? 0) > 1
      ? (value.arraySync() as number[][])
      : Array.isArray(value) &&
          value.length > 0 &&
          value.every((r) => Array.isArray(r) && r.length > 1)
        ? (value as unknown[][])
        : null;
  if (rows === null) return value as Targets;
  return rows.map((row) => {
    let best = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) return NaN;
      if (v > (row[best] as number)) best = j;
    }
    return best;
  });
}

/** Annotated confusion matrix (see the module doc). */
export function confusionMatrixFigure(
  yTrue: unknown,
  yPred: unknown,
  options: ConfusionMatrixFigureOptions = {},
  where = "confusionMatrixFigure",
): Figure {
  const given = options.labels;
  if (given !== undefined && !Array.isArray(given)) {
    throw new ValueError(
      `${where}: labels must be an array of class values or names; got ${typeof given}`,
    );
  }
  const names = given?.every((l) => typeof l === "string") ? (given as string[]) : undefined;
  const values = names ? names.map((_, i) => i) : (given as number[] | undefined);
  const p = finitePairsOf(argmaxRows(yTrue), argmaxRows(yPred), where, "yTrue", "yPred");
  const trueClasses = p.a as Targets;
  const predClasses = p.b as Targets;
  const cm = confusionMatrix(trueClasses, predClasses, {
    ...(values ? { labels: values } : {}),
    ...(options.normalize ? { normalize: options.normalize } : {}),
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
  });
  let axisLabels = names ?? values?.map(String);
  if (!axisLabels) {
    const found = (v: Targets) => {
      try {
        return Array.from(toVector(asExportedDanfo(v), where, "classes"));
      } catch {
        return [];
      }
    };
    const predicted = options.threshold === undefined ? found(predClasses) : [];
    const seen = new Set([...found(trueClasses), ...predicted]);
    const sorted = [...seen].sort((a, b) => a - b);
    axisLabels = sorted.length === cm.length ? sorted.map(String) : cm.map((_, i) => String(i));
  }
  return heatmap(cm, {
    x: axisLabels,
    y: axisLabels,
    annotate: true,
    digits: 2,
    title: withNotes(
      options.title ??
        `Confusion matrix${options.normalize ? ` (normalized over ${options.normalize})` : ""}`,
      [skippedNote(p.skipped)],
    ),
    xLabel: "Predicted label",
    yLabel: "True label",
    height: Math.max(350, 60 * cm.length + 150),
  });
}
