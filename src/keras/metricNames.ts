/**
 * `keras.metrics`: the metric names `compile({ metrics })` accepts.
 *
 * @example
 * keras.metrics.NAMES.includes("auc"); // true
 */
import { METRIC_NAMES } from "./metrics";

/** Valid metric names. */
export const NAMES: readonly string[] = METRIC_NAMES;
