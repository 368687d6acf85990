/**
 * One training step and batched evaluation, shared by `fit` and `evaluate`.
 *
 * Behaviour: the loss is the batch mean of the per-sample loss plus every regularisation
 * penalty of the model (`l2 · Σw²`…), in training and in evaluation as Keras does. Metric
 * statistics are returned as sums so that epoch values come from accumulated counts.
 *
 * @example
 * evaluateData(model.tfModel, resolveLoss("mse", "t").fn, [], [x], y, 32).loss; // mse + penalties
 */
import * as tf from "@tensorflow/tfjs";
import { countStep } from "../optimizers/steps";
import type { HostRows } from "./hostRows";
import type { Logs } from "../callbacks/callback";
import type { LossFn } from "../losses";
import type { EpochMetric } from "../metrics";

/** Sum of the model's regularisation penalties (a scalar; 0 when none). */
export function penalty(tfModel: tf.LayersModel): tf.Scalar {
  const losses = tfModel.calculateLosses();
  return losses.length === 0 ? tf.scalar(0) : (tf.addN(losses) as tf.Scalar);
}

function forward(tfModel: tf.LayersModel, xs: tf.Tensor[], training: boolean): tf.Tensor {
  const out = tfModel.apply(xs.length === 1 ? xs[0] : xs, { training });
  return Array.isArray(out) ? (out[0] as tf.Tensor) : (out as tf.Tensor);
}

/**
 * One optimizer step on a batch. Returns `[loss, ...metric statistics]` as numbers; the loss
 * includes the penalties.
 */
export function trainStep(
  tfModel: tf.LayersModel,
  optimizer: tf.Optimizer,
  lossFn: LossFn,
  metrics: EpochMetric[],
  xs: tf.Tensor[],
  y: tf.Tensor,
): Float32Array {
  let pred: tf.Tensor | null = null;
  const vars = tfModel.trainableWeights.map((w) => w.read() as tf.Variable);
  const cost = optimizer.minimize(
    () => {
      const p = forward(tfModel, xs, true);
      pred = tf.keep(p);
      const base = tf.mean(lossFn(y, p));
      const extra = tfModel.calculateLosses();
      return (extra.length === 0 ? base : tf.addN([base, ...extra])) as tf.Scalar;
    },
    true,
    vars,
  ) as tf.Scalar;
  countStep(optimizer);
  const p = pred as unknown as tf.Tensor;
  const all = tf.tidy(() =>
    tf.concat([tf.reshape(cost, [1]), ...metrics.map((m) => m.stats(y, p))]),
  );
  const values = all.dataSync() as Float32Array;
  tf.dispose([cost, p, all]);
  return values;
}

/** `[sum of per-sample losses, ...metric statistics]` of one batch, in inference mode. */
function evalBatch(
  tfModel: tf.LayersModel,
  lossFn: LossFn,
  metrics: EpochMetric[],
  xs: tf.Tensor[],
  y: tf.Tensor,
): Float32Array {
  const all = tf.tidy(() => {
    const p = forward(tfModel, xs, false);
    return tf.concat([tf.reshape(tf.sum(lossFn(y, p)), [1]), ...metrics.map((m) => m.stats(y, p))]);
  });
  const values = all.dataSync() as Float32Array;
  all.dispose();
  return values;
}

/**
 * Loss (penalties included) and metrics over all rows, by batches; keys prefixed by `prefix`.
 * `rows` holds the inputs then the target (see `HostRows`).
 */
export function evaluateData(
  tfModel: tf.LayersModel,
  lossFn: LossFn,
  metrics: EpochMetric[],
  rows: HostRows,
  batchSize: number,
  prefix = "",
): Logs {
  const n = rows.rows;
  const sums = new Float64Array(1 + metrics.reduce((a, m) => a + m.size, 0));
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const batch = rows.slice(start, size);
    const yb = batch[batch.length - 1];
    const v = evalBatch(tfModel, lossFn, metrics, batch.slice(0, -1), yb);
    tf.dispose(batch);
    for (let i = 0; i < v.length; i++) sums[i] += v[i];
  }
  const pen = penalty(tfModel);
  const penValue = pen.dataSync()[0];
  pen.dispose();
  return metricLogs(sums[0] / n + penValue, sums, metrics, prefix);
}

/** Logs `{loss, metric…}` from a loss value and summed statistics (`sums[0]` is the loss slot). */
export function metricLogs(
  loss: number,
  sums: Float64Array,
  metrics: EpochMetric[],
  prefix = "",
): Logs {
  const logs: Logs = { [`${prefix}loss`]: loss };
  let off = 1;
  for (const m of metrics) {
    logs[`${prefix}${m.name}`] = m.result(sums.subarray(off, off + m.size));
    off += m.size;
  }
  return logs;
}
