/**
 * Epoch-level metrics computed from counts accumulated over every batch, as Keras's stateful
 * metrics do (tfjs averages per-batch values and counts `yPred == 1` for precision / recall).
 *
 * Behaviour: `stats(yTrue, yPred)` returns a small vector of sums for one batch; the sums of all
 * batches go to `result`. Precision and recall use threshold 0.5; AUC is the ROC AUC over 200
 * thresholds with trapezoidal interpolation, as Keras's `AUC()` default.
 *
 * @example
 * const m = precisionMetric("precision");
 * m.result(Float64Array.from([3, 1])); // 0.75 (tp 3, fp 1)
 */
import * as tf from "@tensorflow/tfjs";

/** A metric computed from summed per-batch statistics. */
export interface EpochMetric {
  /** Log key, e.g. `accuracy`, `auc`. */
  name: string;
  /** Length of the statistics vector. */
  size: number;
  /** The statistics of one batch (a 1-D tensor of length `size`). */
  stats(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor;
  /** The metric from statistics summed over the epoch. */
  result(sums: Float64Array): number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const count = (t: tf.Tensor): tf.Tensor => tf.scalar(t.size);

/** Binary accuracy: share of elements where `yPred > 0.5` equals `yTrue`. */
export function binaryAccuracy(name: string): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) =>
      tf.stack([
        tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(p, 0.5), "float32"), y), "float32")),
        count(p),
      ]),
    result: (s) => ratio(s[0], s[1]),
  };
}

/** Categorical accuracy: argmax of one-hot `yTrue` equals argmax of `yPred`. */
export function categoricalAccuracy(name: string): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) =>
      tf.stack([
        tf.sum(tf.cast(tf.equal(tf.argMax(y, -1), tf.argMax(p, -1)), "float32")),
        tf.scalar(p.shape[0]),
      ]),
    result: (s) => ratio(s[0], s[1]),
  };
}

/** Sparse categorical accuracy: integer `yTrue` equals argmax of `yPred`. */
export function sparseCategoricalAccuracy(name: string): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) =>
      tf.stack([
        tf.sum(
          tf.cast(tf.equal(tf.cast(tf.reshape(y, [-1]), "int32"), tf.argMax(p, -1)), "float32"),
        ),
        tf.scalar(p.shape[0]),
      ]),
    result: (s) => ratio(s[0], s[1]),
  };
}

/** Mean of an elementwise error (`mse`, `mae`). */
export function meanError(name: string, kind: "squared" | "absolute"): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) => {
      const d = tf.sub(y, p);
      return tf.stack([tf.sum(kind === "squared" ? tf.square(d) : tf.abs(d)), count(p)]);
    },
    result: (s) => ratio(s[0], s[1]),
  };
}

/** Positive predictions at `thresholds`: returns [n, k] floats and the [n, 1] truth. */
function positives(y: tf.Tensor, p: tf.Tensor, thresholds: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const pred = tf.cast(tf.greater(tf.reshape(p, [-1, 1]), thresholds), "float32");
  const truth = tf.cast(tf.notEqual(tf.reshape(y, [-1, 1]), 0), "float32");
  return [pred, truth];
}

/** Precision `tp / (tp + fp)` at threshold 0.5. */
export function precisionMetric(name: string): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) => {
      const [pred, truth] = positives(y, p, tf.scalar(0.5));
      return tf.stack([tf.sum(tf.mul(pred, truth)), tf.sum(tf.mul(pred, tf.sub(1, truth)))]);
    },
    result: (s) => ratio(s[0], s[0] + s[1]),
  };
}

/** Recall `tp / (tp + fn)` at threshold 0.5. */
export function recallMetric(name: string): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) => {
      const [pred, truth] = positives(y, p, tf.scalar(0.5));
      return tf.stack([tf.sum(tf.mul(pred, truth)), tf.sum(tf.mul(tf.sub(1, pred), truth))]);
    },
    result: (s) => ratio(s[0], s[0] + s[1]),
  };
}

/** Keras's AUC thresholds: -ε, 1/(k-1) … (k-2)/(k-1), 1+ε. */
export function aucThresholds(k = 200): number[] {
  const inner = Array.from({ length: k - 2 }, (_, i) => (i + 1) / (k - 1));
  return [-1e-7, ...inner, 1 + 1e-7];
}

/** ROC AUC over 200 thresholds, trapezoidal (Keras `AUC()` defaults). */
export function aucMetric(name: string, k = 200): EpochMetric {
  const thr = aucThresholds(k);
  return {
    name,
    size: 4 * k,
    stats: (y, p) => {
      const [pred, truth] = positives(y, p, tf.tensor1d(thr));
      const neg = tf.sub(1, pred);
      const notTruth = tf.sub(1, truth);
      return tf.concat([
        tf.sum(tf.mul(pred, truth), 0),
        tf.sum(tf.mul(pred, notTruth), 0),
        tf.sum(tf.mul(neg, truth), 0),
        tf.sum(tf.mul(neg, notTruth), 0),
      ]);
    },
    result: (s) => {
      let auc = 0;
      const tpr = (i: number) => ratio(s[i], s[i] + s[2 * k + i]);
      const fpr = (i: number) => ratio(s[k + i], s[k + i] + s[3 * k + i]);
      for (let i = 0; i < k - 1; i++) auc += (fpr(i) - fpr(i + 1)) * ((tpr(i) + tpr(i + 1)) / 2);
      return auc;
    },
  };
}

/**
 * Keras's `R2Score()` (`r2_score`): per output column, from the sums of y, y², (y − ŷ)² and the
 * count over the epoch, `SS_tot = Σy² − (Σy)²/n` and `r2 = 1 − SS_res / SS_tot`; the columns
 * are averaged (`class_aggregation="uniform_average"`). A column whose targets are constant
 * scores 0 (Keras maps the infinite ratio to 0), or NaN when its predictions are also exact.
 *
 * @example
 * // y [3, -0.5, 2, 7], ŷ [2.5, 0, 2, 8]: sums 11.5, 62.25, residual 1.5, n 4
 * r2Metric("r2_score", 1).result(Float64Array.from([11.5, 62.25, 1.5, 4])); // 1 − 1.5 / 29.1875
 */
export function r2Metric(name: string, width: number): EpochMetric {
  const k = Math.max(1, width);
  return {
    name,
    size: 4 * k,
    stats: (y, p) => {
      const pred = tf.reshape(p, [-1, k]);
      const truth = tf.reshape(tf.cast(y, "float32"), [-1, k]);
      return tf.concat([
        tf.sum(truth, 0),
        tf.sum(tf.square(truth), 0),
        tf.sum(tf.square(tf.sub(truth, pred)), 0),
        tf.fill([k], pred.shape[0]),
      ]);
    },
    result: (s) => {
      let total = 0;
      for (let j = 0; j < k; j++) {
        const [sum, squares, residual, n] = [s[j], s[k + j], s[2 * k + j], s[3 * k + j]];
        const tot = squares - (sum * sum) / n;
        const score = 1 - residual / tot;
        total += score === -Infinity || score === Infinity ? 0 : score;
      }
      return total / k;
    },
  };
}

/** A loss used as a metric (Keras's `metrics=["binary_crossentropy"]`): its mean per sample. */
export function lossMetric(
  name: string,
  perSample: (y: tf.Tensor, p: tf.Tensor) => tf.Tensor,
): EpochMetric {
  return {
    name,
    size: 2,
    stats: (y, p) => {
      const values = perSample(y, p);
      return tf.stack([tf.sum(values), count(values)]);
    },
    result: (s) => ratio(s[0], s[1]),
  };
}
