/**
 * `keras.optimizers`: `SGD`, `RMSprop`, `Adam`, `Adagrad` factories, and names for `compile`
 * (`"sgd"`, `"adam"`, `"rmsprop"` / `"RMSprop"`, `"adagrad"`, any case) with Keras defaults.
 *
 * @example
 * model.compile({ optimizer: keras.optimizers.Adam({ learningRate: 0.01 }), loss: "mse" });
 * resolveOptimizer("RMSprop", "compile").getClassName(); // "RMSProp"
 */
import * as tf from "@tensorflow/tfjs";
import {
  Adagrad,
  Adam,
  OPTION_NAMES,
  RMSprop,
  SGD,
  optimizerConfig,
  type OptimizerConfig,
} from "./factories";
import { lookupName } from "../../validation/names";
import { ArgumentTypeError, describe } from "../../validation/errors";

export { SGD, RMSprop, Adam, Adagrad, optimizerConfig };
export type {
  OptimizerConfig,
  SGDOptions,
  RMSpropOptions,
  AdamOptions,
  AdagradOptions,
} from "./factories";

const BY_NAME: Record<string, (config?: Record<string, unknown>) => tf.Optimizer> = {
  sgd: (c) => SGD(c),
  rmsprop: (c) => RMSprop(c),
  adam: (c) => Adam(c),
  adagrad: (c) => Adagrad(c),
};

/** The optimizer names `compile` accepts. */
export const OPTIMIZER_NAMES: readonly string[] = ["sgd", "rmsprop", "adam", "adagrad"];

/** A fresh optimizer from a name, or the given tfjs optimizer. */
export function resolveOptimizer(value: unknown, where: string): tf.Optimizer {
  if (value instanceof tf.Optimizer) return value;
  if (typeof value === "string") return lookupName(where, "optimizer", value, BY_NAME)();
  throw new ArgumentTypeError(
    `${where}: optimizer must be a name such as "adam" or keras.optimizers.Adam({...}); got ${describe(value)}`,
  );
}

/**
 * Rebuilds an optimizer from its saved configuration. Keys the factory does not take (a tfjs
 * optimizer's `decay`, `centered`…) are dropped, as they always were, rather than refused.
 */
export function optimizerFromConfig(saved: OptimizerConfig, where: string): tf.Optimizer {
  const names = Object.fromEntries(OPTIMIZER_NAMES.map((k) => [k, k]));
  const key = lookupName(where, "optimizer", saved.name, names);
  const config = Object.fromEntries(
    Object.entries(saved.config ?? {}).filter(([k]) => OPTION_NAMES[key].includes(k)),
  );
  return BY_NAME[key](config);
}
