/**
 * `compile` options and their resolved form.
 *
 * Options: `optimizer` (default "rmsprop", as Keras; a name such as "adam" / "sgd" / "RMSprop" /
 * "adagrad", or `keras.optimizers.Adam({...})`), `loss` (required; Keras or tfjs name), `metrics`
 * (default none; names such as "accuracy", "mae", "precision", "recall", "auc"). Any other
 * option is an error naming the closest valid one (`metric` → `metrics`).
 *
 * @example
 * model.compile({ optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"] });
 */
import type * as tf from "@tensorflow/tfjs";
import { resolveLoss, type Loss } from "../losses";
import { resolveMetric, METRIC_NAMES, type EpochMetric } from "../metrics";
import { resolveOptimizer } from "../optimizers";
import { lookupName } from "../../validation/names";
import { checkOptions } from "../../data/options";
import { ArgumentTypeError, ValueError, describe } from "../../validation/errors";

/** Options of `model.compile`. */
export interface CompileOptions {
  optimizer?: string | tf.Optimizer;
  loss: string;
  metrics?: string[];
}

/** What `compile` keeps. */
export interface Compiled {
  optimizer: tf.Optimizer;
  loss: Loss;
  metricNames: string[];
}

/** Validates and resolves `compile`'s options. */
export function resolveCompile(options: CompileOptions): Compiled {
  if (options === null || typeof options !== "object") {
    throw new ArgumentTypeError(
      `compile: options must be an object such as { optimizer: "adam", loss: "mse" }; got ${describe(options)}`,
    );
  }
  checkOptions("compile", options, ["optimizer", "loss", "metrics"]);
  if (options.loss === undefined) {
    throw new ValueError(
      `compile: loss is required, e.g. { loss: "mse" } or { loss: "binary_crossentropy" }`,
    );
  }
  const loss = resolveLoss(options.loss, "compile");
  const metrics = options.metrics ?? [];
  if (!Array.isArray(metrics)) {
    throw new ArgumentTypeError(
      `compile: metrics must be an array of names such as ["accuracy"]; got ${describe(metrics)}`,
    );
  }
  for (const m of metrics)
    lookupName("compile", "metric", m, Object.fromEntries(METRIC_NAMES.map((k) => [k, k])));
  const optimizer = resolveOptimizer(options.optimizer ?? "rmsprop", "compile");
  return { optimizer, loss, metricNames: metrics.map(String) };
}

/** The epoch metrics of a compiled model with this output width. */
export function epochMetrics(compiled: Compiled, outputWidth: number): EpochMetric[] {
  return compiled.metricNames.map((m) =>
    resolveMetric(m, compiled.loss.name, outputWidth, "compile"),
  );
}
