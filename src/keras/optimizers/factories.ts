/**
 * Keras-style optimizer factories with keyword options and Keras defaults:
 * `SGD({learningRate = 0.01, momentum = 0, nesterov = false})`,
 * `RMSprop({learningRate = 0.001, rho = 0.9, momentum = 0, epsilon = 1e-7})`,
 * `Adam({learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7})`,
 * `Adagrad({learningRate = 0.001, initialAccumulatorValue = 0.1})`.
 *
 * Behaviour: an unknown option is an error suggesting the right one (`learning_rate` →
 * `learningRate`), so a Python spelling is not silently replaced by the default; each returns
 * a tfjs optimizer (`Adam` a `FusedAdam`, tfjs's `AdamOptimizer` with the same numbers and
 * fewer kernels on wasm); its Keras name and configuration are remembered
 * (`optimizerConfig`) so that `model.save` can store them and `loadModel` recompile.
 *
 * @example
 * const opt = Adam({ learningRate: 0.01 });
 * optimizerConfig(opt); // { name: "adam", config: { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } }
 */
import * as tf from "@tensorflow/tfjs";
import { ValueError, describe } from "../../validation/errors";
import { checkOptions } from "../../data/options";
import { FusedAdam } from "./fusedAdam";

/** The saved form of an optimizer. */
export interface OptimizerConfig {
  name: string;
  config: Record<string, number | boolean>;
}

/** The options each factory accepts. */
export const OPTION_NAMES: Readonly<Record<string, readonly string[]>> = {
  sgd: ["learningRate", "momentum", "nesterov"],
  rmsprop: ["learningRate", "rho", "momentum", "epsilon"],
  adam: ["learningRate", "beta1", "beta2", "epsilon"],
  adagrad: ["learningRate", "initialAccumulatorValue"],
};

const CONFIGS = new WeakMap<tf.Optimizer, OptimizerConfig>();

function num(where: string, key: string, v: unknown, min = 0, openMin = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || (openMin && v === min)) {
    throw new ValueError(
      `${where}: ${key} must be a number ${openMin ? ">" : ">="} ${min}; got ${describe(v)}`,
    );
  }
  return v;
}

function remember<T extends tf.Optimizer>(
  opt: T,
  name: string,
  config: OptimizerConfig["config"],
): T {
  CONFIGS.set(opt, { name, config });
  return opt;
}

/** Options of `SGD`. */
export interface SGDOptions {
  learningRate?: number;
  momentum?: number;
  nesterov?: boolean;
}

/** Stochastic gradient descent, with optional (Nesterov) momentum. */
export function SGD(options: SGDOptions = {}): tf.Optimizer {
  checkOptions("SGD", options, OPTION_NAMES.sgd);
  const lr = num("SGD", "learningRate", options.learningRate ?? 0.01, 0, true);
  const momentum = num("SGD", "momentum", options.momentum ?? 0);
  const nesterov = options.nesterov ?? false;
  const opt =
    momentum > 0 || nesterov ? tf.train.momentum(lr, momentum, nesterov) : tf.train.sgd(lr);
  return remember(opt, "sgd", { learningRate: lr, momentum, nesterov });
}

/** Options of `RMSprop`. */
export interface RMSpropOptions {
  learningRate?: number;
  rho?: number;
  momentum?: number;
  epsilon?: number;
}

/** RMSprop. */
export function RMSprop(options: RMSpropOptions = {}): tf.Optimizer {
  checkOptions("RMSprop", options, OPTION_NAMES.rmsprop);
  const lr = num("RMSprop", "learningRate", options.learningRate ?? 0.001, 0, true);
  const rho = num("RMSprop", "rho", options.rho ?? 0.9);
  const momentum = num("RMSprop", "momentum", options.momentum ?? 0);
  const epsilon = num("RMSprop", "epsilon", options.epsilon ?? 1e-7);
  return remember(tf.train.rmsprop(lr, rho, momentum, epsilon), "rmsprop", {
    learningRate: lr,
    rho,
    momentum,
    epsilon,
  });
}

/** Options of `Adam`. */
export interface AdamOptions {
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** Adam (a `FusedAdam`: tfjs's Adam with its update fused into one loop per variable on wasm). */
export function Adam(options: AdamOptions = {}): tf.Optimizer {
  checkOptions("Adam", options, OPTION_NAMES.adam);
  const lr = num("Adam", "learningRate", options.learningRate ?? 0.001, 0, true);
  const beta1 = num("Adam", "beta1", options.beta1 ?? 0.9);
  const beta2 = num("Adam", "beta2", options.beta2 ?? 0.999);
  const epsilon = num("Adam", "epsilon", options.epsilon ?? 1e-7);
  return remember(new FusedAdam(lr, beta1, beta2, epsilon), "adam", {
    learningRate: lr,
    beta1,
    beta2,
    epsilon,
  });
}

/** Options of `Adagrad`. */
export interface AdagradOptions {
  learningRate?: number;
  initialAccumulatorValue?: number;
}

/** Adagrad (Keras defaults: learning rate 0.001, initial accumulator 0.1). */
export function Adagrad(options: AdagradOptions = {}): tf.Optimizer {
  checkOptions("Adagrad", options, OPTION_NAMES.adagrad);
  const lr = num("Adagrad", "learningRate", options.learningRate ?? 0.001, 0, true);
  const init = num("Adagrad", "initialAccumulatorValue", options.initialAccumulatorValue ?? 0.1);
  return remember(tf.train.adagrad(lr, init), "adagrad", {
    learningRate: lr,
    initialAccumulatorValue: init,
  });
}

/** The Keras name and configuration of an optimizer made here (or a best guess for others). */
export function optimizerConfig(opt: tf.Optimizer): OptimizerConfig {
  const known = CONFIGS.get(opt);
  const lr = (opt as unknown as { learningRate?: number }).learningRate;
  if (known) {
    return typeof lr === "number"
      ? { name: known.name, config: { ...known.config, learningRate: lr } }
      : known;
  }
  const cls = opt
    .getClassName()
    .toLowerCase()
    .replace(/optimizer$/, "");
  const config = opt.getConfig() as Record<string, number | boolean>;
  return { name: cls, config };
}
