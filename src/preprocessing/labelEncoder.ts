import * as tf from "@tensorflow/tfjs";
import { Series } from "../data/danfo";
import { isDanfoSeries } from "../validation/danfoBase";
import { ArgumentTypeError, NotFittedError, ValueError, describe } from "../validation/errors";

/** A class label: a string, a number or a boolean. */
export type Label = string | number | boolean;
/** What LabelEncoder accepts: an array, a Series or a 1-D tensor of labels. */
export type LabelsLike = ArrayLike<Label> | Series | tf.Tensor;

function readLabels(where: string, y: unknown): Label[] {
  let values: unknown[];
  if (isDanfoSeries(y)) values = y.values as unknown[];
  else if (y instanceof tf.Tensor) {
    if (y.rank !== 1 && !(y.rank === 2 && y.shape[1] === 1))
      throw new ValueError(
        `${where}: y must be 1-D; got a tensor of shape [${y.shape.join(", ")}]`,
      );
    values = Array.from(y.dataSync());
  } else if (Array.isArray(y) || ArrayBuffer.isView(y))
    values = Array.from(y as ArrayLike<unknown>);
  else
    throw new ArgumentTypeError(
      `${where}: y must be an array, a Series or a 1-D tensor of labels; got ${describe(y)}`,
    );
  let kind: string | undefined;
  values.forEach((v, i) => {
    const ok =
      typeof v === "string" ||
      typeof v === "boolean" ||
      (typeof v === "number" && !Number.isNaN(v));
    if (!ok)
      throw new ValueError(
        `${where}: y contains a missing or invalid label at position ${i} (${describe(v)}); ` +
          `fill or drop it first`,
      );
    kind ??= typeof v;
    if (typeof v !== kind)
      throw new ValueError(
        `${where}: y mixes ${kind}s and ${typeof v}s (position ${i}: ${describe(v)}); ` +
          `convert the labels to one type first`,
      );
  });
  return values as Label[];
}

const compare = (a: Label, b: Label) => (a < b ? -1 : a > b ? 1 : 0);
const show = (a: Label[]) => `[${a.map((v) => JSON.stringify(v)).join(", ")}]`;

/**
 * Encodes class labels as integers 0..nClasses-1, as scikit-learn's `LabelEncoder`: `classes`
 * holds the distinct labels sorted (strings by character code, numbers numerically) and a
 * label's code is its position there.
 *
 * `transform` refuses labels not seen in `fit`; `inverseTransform` turns codes back into
 * labels. A Series gives back a Series (same index and name), a tensor an int32 tensor, an
 * array a number[].
 *
 * @example
 * const le = new LabelEncoder();
 * le.fitTransform(["paris", "tokyo", "amsterdam", "paris"]); // [1, 2, 0, 1]
 * le.classes; // ["amsterdam", "paris", "tokyo"]
 */
export class LabelEncoder {
  private fitted?: { classes: Label[]; index: Map<Label, number> };

  private check(where: string) {
    if (!this.fitted)
      throw new NotFittedError(
        `LabelEncoder.${where}: this LabelEncoder is not fitted yet; call fit or fitTransform first`,
      );
    return this.fitted;
  }

  /** The distinct labels seen in `fit`, sorted; a label's code is its index here. */
  get classes(): Label[] {
    return [...this.check("classes").classes];
  }

  /** Learns the sorted distinct labels of y. */
  fit(y: LabelsLike): this {
    const labels = readLabels("LabelEncoder.fit", y);
    if (labels.length === 0)
      throw new ValueError("LabelEncoder.fit: y is empty; at least 1 label is required");
    const classes = [...new Set(labels)].sort(compare);
    this.fitted = { classes, index: new Map(classes.map((c, i) => [c, i])) };
    return this;
  }

  /** The code of each label. */
  transform(y: Series): Series;
  transform(y: tf.Tensor): tf.Tensor;
  transform(y: ArrayLike<Label>): number[];
  transform(y: LabelsLike): number[] | Series | tf.Tensor {
    const where = "LabelEncoder.transform";
    const { index, classes } = this.check("transform");
    const labels = readLabels(where, y);
    const unseen = [...new Set(labels.filter((l) => !index.has(l)))];
    if (unseen.length)
      throw new ValueError(
        `${where}: y contains previously unseen labels: ${show(unseen.slice(0, 10))} ` +
          `(known classes: ${show(classes.slice(0, 20))})`,
      );
    return wrap(
      y,
      labels.map((l) => index.get(l)!),
    );
  }

  /** `fit(y)` then `transform(y)`. */
  fitTransform(y: Series): Series;
  fitTransform(y: tf.Tensor): tf.Tensor;
  fitTransform(y: ArrayLike<Label>): number[];
  fitTransform(y: LabelsLike): number[] | Series | tf.Tensor {
    return this.fit(y).transform(y as ArrayLike<Label>);
  }

  /** The label of each code. */
  inverseTransform(y: Series): Series;
  inverseTransform(y: ArrayLike<number> | tf.Tensor): Label[];
  inverseTransform(y: ArrayLike<number> | Series | tf.Tensor): Label[] | Series {
    const where = "LabelEncoder.inverseTransform";
    const { classes } = this.check("inverseTransform");
    const codes = readLabels(where, y);
    const bad = codes.filter(
      (c) => typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= classes.length,
    );
    if (bad.length)
      throw new ValueError(
        `${where}: y contains codes that are not class indices 0..${classes.length - 1}: ` +
          `${show([...new Set(bad)].slice(0, 10))}`,
      );
    const labels = codes.map((c) => classes[c as number]);
    return isDanfoSeries(y) ? seriesLike(y, labels) : labels;
  }
}

function seriesLike(s: Series, values: unknown[]): Series {
  return new Series(values, {
    columns: s.columns as string[],
    index: s.index as Array<string | number>,
  });
}

function wrap(y: unknown, codes: number[]): number[] | Series | tf.Tensor {
  if (isDanfoSeries(y)) return seriesLike(y, codes);
  if (y instanceof tf.Tensor) return tf.tensor(codes, y.shape, "int32");
  return codes;
}
