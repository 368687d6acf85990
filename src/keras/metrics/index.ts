/**
 * `keras.metrics`: metric names for `compile({ metrics })`: `accuracy` / `acc` (binary,
 * categorical or sparse categorical, chosen as Keras does from the output width and the loss),
 * `binary_accuracy`, `categorical_accuracy`, `sparse_categorical_accuracy`, `mse`, `mae`,
 * `precision`, `recall`, `auc` (epoch-level, from accumulated counts), `r2_score` (from
 * accumulated sums over the epoch, as Keras's `R2Score`), and the losses `binary_crossentropy`,
 * `categorical_crossentropy`, `sparse_categorical_crossentropy`, `kl_divergence` / `kld` and
 * `huber` (their mean per sample over the epoch). The history key is the name given
 * (`"accuracy"` logs `accuracy`, `"acc"` logs `acc`); a Keras class-name spelling logs under
 * the metric's Keras name (`"R2Score"` logs `r2_score`, `"AUC"` logs `auc`).
 *
 * @example
 * resolveMetric("accuracy", "binary_crossentropy", 1, "compile").name; // "accuracy"
 */
import { lookupName, normalizeName } from "../../validation/names";
import { resolveLoss } from "../losses";
import {
  aucMetric,
  binaryAccuracy,
  categoricalAccuracy,
  lossMetric,
  meanError,
  precisionMetric,
  r2Metric,
  recallMetric,
  sparseCategoricalAccuracy,
  type EpochMetric,
} from "./epochMetric";

export type { EpochMetric } from "./epochMetric";

type Maker = (name: string, loss: string, outputWidth: number) => EpochMetric;

const asMetric = (lossName: string): Maker => {
  const { fn } = resolveLoss(lossName, "compile");
  return (name) => lossMetric(name, fn);
};

const accuracy: Maker = (name, loss, width) => {
  if (width === 1) return binaryAccuracy(name);
  if (loss === "sparse_categorical_crossentropy") return sparseCategoricalAccuracy(name);
  return categoricalAccuracy(name);
};

const MAKERS: Record<string, Maker> = {
  accuracy,
  acc: accuracy,
  binary_accuracy: (n) => binaryAccuracy(n),
  categorical_accuracy: (n) => categoricalAccuracy(n),
  sparse_categorical_accuracy: (n) => sparseCategoricalAccuracy(n),
  mse: (n) => meanError(n, "squared"),
  mean_squared_error: (n) => meanError(n, "squared"),
  mae: (n) => meanError(n, "absolute"),
  mean_absolute_error: (n) => meanError(n, "absolute"),
  precision: (n) => precisionMetric(n),
  recall: (n) => recallMetric(n),
  auc: (n) => aucMetric(n),
  r2_score: (n, _loss, width) => r2Metric(n, width),
  binary_crossentropy: asMetric("binary_crossentropy"),
  categorical_crossentropy: asMetric("categorical_crossentropy"),
  sparse_categorical_crossentropy: asMetric("sparse_categorical_crossentropy"),
  kl_divergence: asMetric("kl_divergence"),
  kld: asMetric("kl_divergence"),
  huber: asMetric("huber"),
};

/** The metric names `compile` accepts. */
export const METRIC_NAMES: readonly string[] = Object.keys(MAKERS);

/** An epoch metric from its name, given the compiled loss and the model's output width. */
export function resolveMetric(
  name: unknown,
  loss: string,
  outputWidth: number,
  where: string,
): EpochMetric {
  const make = lookupName(where, "metric", name, MAKERS);
  const key = normalizeName(name as string);
  // A class-name spelling logs under the metric's Keras name: "R2Score" → r2_score, "AUC" → auc.
  const canonical = Object.prototype.hasOwnProperty.call(MAKERS, key)
    ? key
    : (Object.keys(MAKERS).find((k) => k.replace(/_/g, "") === key.replace(/_/g, "")) ?? key);
  return make(canonical, loss, outputWidth);
}
