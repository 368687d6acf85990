/**
 * The `compile_config` of a Keras 3 `config.json`: optimizer (Keras serialised, with Keras's
 * config keys), loss and metrics, in both directions.
 *
 * Behaviour: writing gives what Keras writes for `Adam`, `SGD`, `RMSprop` and `Adagrad` (the
 * tfjs-only options are not written). Reading accepts loss and metric names, Keras class
 * objects (`{ class_name: "MeanSquaredError" }`) and per-output lists for one output; a
 * learning-rate schedule is replaced by its initial learning rate, with a warning. Anything else
 * this project cannot rebuild (another optimizer, a custom loss) leaves the model uncompiled
 * with a warning saying why, as Keras does for a model without a training configuration.
 *
 * @example
 * kerasCompileConfig(model.compileConfig).loss; // "mse"
 */
import type * as tf from "@tensorflow/tfjs";
import { optimizerConfig, optimizerFromConfig } from "../../optimizers";
import type { KerasModel } from "../../engine/model";
import { kerasObject, type KerasObject } from "./kerasObjects";
import { kerasSnakeCase } from "./weightsLayout";

const CLASS: Record<string, string> = {
  adam: "Adam",
  sgd: "SGD",
  rmsprop: "RMSprop",
  adagrad: "Adagrad",
};

const BASE = {
  weight_decay: null,
  clipnorm: null,
  global_clipnorm: null,
  clipvalue: null,
  use_ema: false,
  ema_momentum: 0.99,
  ema_overwrite_frequency: null,
  loss_scale_factor: null,
  gradient_accumulation_steps: null,
};

/** Keras's serialised optimizer for a tfjs one made by `keras.optimizers`. */
function kerasOptimizer(opt: tf.Optimizer): KerasObject {
  const { name, config: c } = optimizerConfig(opt);
  const cls = CLASS[name] ?? name;
  const own: Record<string, unknown> =
    name === "adam"
      ? { beta_1: c.beta1, beta_2: c.beta2, epsilon: c.epsilon, amsgrad: false }
      : name === "sgd"
        ? { momentum: c.momentum ?? 0, nesterov: c.nesterov ?? false }
        : name === "rmsprop"
          ? { rho: c.rho, momentum: c.momentum ?? 0, epsilon: c.epsilon, centered: false }
          : name === "adagrad"
            ? { initial_accumulator_value: c.initialAccumulatorValue, epsilon: 1e-7 }
            : {};
  return kerasObject("keras.optimizers", cls, {
    name,
    learning_rate: c.learningRate,
    ...BASE,
    ...own,
  });
}

/** The compile_config Keras writes, or null for an uncompiled model. */
export function kerasCompileConfig(compiled: KerasModel["compileConfig"]): object | null {
  if (!compiled) return null;
  return {
    optimizer: kerasOptimizer(compiled.optimizer),
    loss: compiled.loss,
    loss_weights: null,
    metrics: compiled.metrics,
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}

const FROM_KERAS: Record<string, string> = {
  learning_rate: "learningRate",
  beta_1: "beta1",
  beta_2: "beta2",
  epsilon: "epsilon",
  momentum: "momentum",
  nesterov: "nesterov",
  rho: "rho",
  initial_accumulator_value: "initialAccumulatorValue",
};
const KEEP: Record<string, string[]> = {
  adam: ["learningRate", "beta1", "beta2", "epsilon"],
  sgd: ["learningRate", "momentum", "nesterov"],
  rmsprop: ["learningRate", "rho", "momentum", "epsilon"],
  adagrad: ["learningRate", "initialAccumulatorValue"],
};

/** A name from a string or a serialised Keras object (its config name, else its class). */
function nameOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  const o = v as KerasObject | null;
  if (!o || typeof o !== "object") return null;
  if (typeof o.config?.name === "string") return o.config.name as string;
  return typeof o.class_name === "string" ? kerasSnakeCase(o.class_name) : null;
}

function lossName(v: unknown): string | null {
  if (typeof v === "string") return v;
  const o = v as KerasObject | null;
  return o && typeof o.class_name === "string" ? kerasSnakeCase(o.class_name) : null;
}

function flatMetrics(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return [v];
  return v.length === 1 && Array.isArray(v[0]) ? (v[0] as unknown[]) : v;
}

/** Compiles `model` from a Keras compile_config (see the module doc); returns why not, or null. */
export function compileFromKeras(model: KerasModel, config: unknown, where: string): string | null {
  if (!config || typeof config !== "object") return null;
  const c = config as Record<string, unknown>;
  const opt = c.optimizer as KerasObject | string;
  const optName = (typeof opt === "string" ? opt : String(opt?.class_name ?? "")).toLowerCase();
  if (!KEEP[optName])
    return `optimizer ${typeof opt === "string" ? opt : opt?.class_name} is not available here`;
  const options: Record<string, unknown> = {};
  const raw = typeof opt === "string" ? {} : (opt.config ?? {});
  for (const [k, v] of Object.entries(raw)) {
    const key = FROM_KERAS[k];
    if (!key || !KEEP[optName].includes(key)) continue;
    if (key === "learningRate" && v && typeof v === "object") {
      const schedule = v as KerasObject;
      const initial = schedule.config?.initial_learning_rate;
      if (typeof initial !== "number")
        return `learning-rate schedule ${schedule.class_name} is not available here`;
      console.warn(
        `${where}: the learning-rate schedule ${schedule.class_name} is not available here; ` +
          `the optimizer uses its initial learning rate ${initial}`,
      );
      options.learningRate = initial;
      continue;
    }
    if (key === "momentum" && optName === "sgd" && v === 0) continue;
    options[key] = v;
  }
  const loss = lossName(c.loss);
  if (!loss) return `loss ${JSON.stringify(c.loss)} cannot be rebuilt`;
  const metrics = flatMetrics(c.metrics).map(nameOf);
  if (metrics.some((m) => m === null))
    return `metrics ${JSON.stringify(c.metrics)} cannot be rebuilt`;
  try {
    model.compile({
      optimizer: optimizerFromConfig(
        { name: optName, config: options as Record<string, number | boolean> },
        where,
      ),
      loss,
      metrics: metrics as string[],
    });
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}
