/**
 * `keras.metrics`: the metric names `compile({ metrics })` accepts (accuracy variants, mse, mae,
 * precision, recall, auc, r2_score); an unknown name's error lists them.
 *
 * @example
 * keras.metrics.NAMES.includes("r2_score"); // true
 */
import { METRIC_NAMES } from "./metrics";

/** Valid metric names. */
export const NAMES: readonly string[] = METRIC_NAMES;
