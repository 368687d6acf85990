/**
 * What EarlyStopping, ModelCheckpoint and ReduceLROnPlateau share: whether a monitored metric
 * improves upwards or downwards (Keras `mode`), and the warning for a missing log key.
 *
 * Behaviour: `mode: "auto"` decides from the metric name without its `val_` prefix, as Keras
 * decides from the metric's direction: names such as `accuracy`, `acc`, `auc`, `precision`,
 * `recall`, `f1_score`, `r2_score` (also `binary_accuracy`, `top_k_categorical_accuracy`…) are
 * maximised; `loss` and names of errors, crossentropies and divergences (`mse`,
 * `mean_absolute_error`, `binary_crossentropy`…) are minimised; anything else is a ValueError
 * asking for `mode: "min"` or `"max"`.
 *
 * @example
 * resolveMode("EarlyStopping", "val_auc", "auto"); // "max"
 * resolveMode("EarlyStopping", "val_loss", "auto"); // "min"
 */
import { ValueError, describe } from "../../validation/errors";
import type { Logs } from "./callback";

/** Keras `mode`: how an improvement is recognised. */
export type MonitorMode = "auto" | "min" | "max";

const MAXIMISED =
  /(^|_)(acc|accuracy|auc|precision|recall|f1|f1_score|fbeta_score|r2|r2_score|iou|cosine_similarity|specificity|sensitivity)(_\d+)?$|accuracy$|(^|_)(precision|recall)_at_|_at_(precision|recall)(_\d+)?$/;
const MINIMISED =
  /(^|_)(loss|error|mse|mae|mape|msle|rmse|crossentropy|hinge|divergence|kld|kl_divergence|poisson|logcosh|log_cosh_error|huber)(_\d+)?$/;

/**
 * The direction of a metric name (`val_` prefix ignored), or null when unknown.
 *
 * @example
 * metricDirection("val_mean_absolute_error"); // "min"
 */
export function metricDirection(monitor: string): "min" | "max" | null {
  const name = monitor.replace(/^val_/, "").toLowerCase();
  if (MINIMISED.test(name) || name.endsWith("loss")) return "min";
  if (MAXIMISED.test(name)) return "max";
  return null;
}

/**
 * Checks `mode` and turns `"auto"` into `"min"` / `"max"` (see the module doc).
 *
 * @example
 * resolveMode("ModelCheckpoint", "val_loss", "max"); // "max"
 */
export function resolveMode(where: string, monitor: string, mode: unknown): "min" | "max" {
  if (typeof monitor !== "string" || monitor === "") {
    throw new ValueError(
      `${where}: monitor must be a log key such as "val_loss"; got ${describe(monitor)}`,
    );
  }
  if (mode === "min" || mode === "max") return mode;
  if (mode !== "auto") {
    throw new ValueError(`${where}: mode must be "auto", "min" or "max"; got ${describe(mode)}`);
  }
  const direction = metricDirection(monitor);
  if (direction === null) {
    throw new ValueError(
      `${where}: cannot tell whether monitor "${monitor}" should be maximised or minimised; ` +
        `pass mode: "max" to keep the highest value or mode: "min" to keep the lowest`,
    );
  }
  return direction;
}

/**
 * `value` improves on `reference` by more than `minDelta` (>= 0) in direction `mode`.
 *
 * @example
 * isImprovement("min", 0.01, 0.495, 0.5); // false
 */
export function isImprovement(
  mode: "min" | "max",
  minDelta: number,
  value: number,
  reference: number,
): boolean {
  return mode === "min" ? value + minDelta < reference : value - minDelta > reference;
}

/**
 * The monitored value, or undefined after a warning naming the keys that exist.
 *
 * @example
 * monitorValue("Early stopping", "loss", { loss: 0.5 }); // 0.5
 */
export function monitorValue(
  what: string,
  monitor: string,
  logs: Logs | undefined,
): number | undefined {
  const value = logs?.[monitor];
  if (typeof value === "number") return value;
  console.warn(
    `UserWarning: ${what} conditioned on metric \`${monitor}\` which is not available. ` +
      `Available metrics are: ${Object.keys(logs ?? {}).join(",")}`,
  );
  return undefined;
}

/**
 * Checks a number option (`min` inclusive).
 *
 * @example
 * checkNumber("ReduceLROnPlateau", "factor", 0.5, 0); // 0.5
 */
export function checkNumber(where: string, key: string, value: unknown, min = -Infinity): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min) {
    throw new ValueError(
      `${where}: ${key} must be a number${min > -Infinity ? ` >= ${min}` : ""}; got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Checks an integer option >= 0.
 *
 * @example
 * checkCount("EarlyStopping", "patience", 3); // 3
 */
export function checkCount(where: string, key: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ValueError(`${where}: ${key} must be an integer >= 0; got ${describe(value)}`);
  }
  return value;
}
