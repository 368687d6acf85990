/**
 * Keras 3 serialised objects (`{ module, class_name, config, registered_name }`) for what the
 * layer configs hold: the dtype policy, initializers, regularizers and activation names, in
 * both directions between tfjs-layers and Keras.
 *
 * Behaviour: `kerasInitializer({ className: "GlorotUniform" })` gives Keras's
 * `{ module: "keras.initializers", class_name: "GlorotUniform", config: { seed: null } }`;
 * `tfjsInitializer` maps back to a tfjs identifier (unknown ones fall back to the layer's
 * default, since loaded weights replace the initial values anyway). Regularizers map L1 / L2 /
 * L1L2 with their factors; activations map tfjs names (`leakyRelu`) to Keras's (`leaky_relu`).
 *
 * @example
 * kerasActivation("leakyRelu"); // "leaky_relu"
 * tfjsRegularizer({ class_name: "L2", config: { l2: 0.01 } }); // tf.regularizers.l2({ l2: 0.01 })
 */
import * as tf from "@tensorflow/tfjs";
import { ValueError, describe } from "../../../validation/errors";

/** A Keras 3 serialised object. */
export interface KerasObject {
  module: string | null;
  class_name: string;
  config: Record<string, unknown>;
  registered_name: string | null;
  [key: string]: unknown;
}

/** Keras's `DTypePolicy` for float32. */
export function dtypePolicy(name = "float32"): KerasObject {
  return { module: "keras", class_name: "DTypePolicy", config: { name }, registered_name: null };
}

/** A Keras object with `registered_name: null`. */
export function kerasObject(module: string, className: string, config: object): KerasObject {
  return {
    module,
    class_name: className,
    config: config as Record<string, unknown>,
    registered_name: null,
  };
}

type TfjsSerialized = { className?: string; config?: Record<string, unknown> } | null | undefined;

/** tfjs initializer class → Keras class and config keys kept. */
const INITIALIZERS: Record<string, [string, string[]]> = {
  GlorotUniform: ["GlorotUniform", []],
  GlorotNormal: ["GlorotNormal", []],
  HeUniform: ["HeUniform", []],
  HeNormal: ["HeNormal", []],
  LeCunUniform: ["LecunUniform", []],
  LeCunNormal: ["LecunNormal", []],
  Orthogonal: ["OrthogonalInitializer", ["gain"]],
  Zeros: ["Zeros", []],
  Ones: ["Ones", []],
  Constant: ["Constant", ["value"]],
  RandomUniform: ["RandomUniform", ["minval", "maxval"]],
  RandomNormal: ["RandomNormal", ["mean", "stddev"]],
  TruncatedNormal: ["TruncatedNormal", ["mean", "stddev"]],
  Identity: ["IdentityInitializer", ["gain"]],
};
const NO_SEED = new Set(["Zeros", "Ones", "Constant", "Identity"]);

/** tfjs writes glorot / he / lecun as VarianceScaling; their Keras class by mode and scale. */
function varianceScalingName(c: Record<string, unknown> = {}): string {
  const uniform = c.distribution === "uniform";
  if (c.mode === "fanAvg" && c.scale === 1) return uniform ? "GlorotUniform" : "GlorotNormal";
  if (c.mode === "fanIn" && c.scale === 2) return uniform ? "HeUniform" : "HeNormal";
  if (c.mode === "fanIn" && c.scale === 1) return uniform ? "LeCunUniform" : "LeCunNormal";
  return "GlorotUniform";
}

/** The Keras form of a tfjs initializer config (`getConfig().kernelInitializer`). */
export function kerasInitializer(init: TfjsSerialized): KerasObject {
  const cls =
    init?.className === "VarianceScaling"
      ? varianceScalingName(init.config)
      : (init?.className ?? "GlorotUniform");
  const known = INITIALIZERS[cls];
  if (!known) return kerasObject("keras.initializers", "GlorotUniform", { seed: null });
  const config: Record<string, unknown> = {};
  for (const k of known[1]) config[k] = init?.config?.[k] ?? (k === "gain" ? 1.0 : null);
  if (!NO_SEED.has(cls)) config.seed = init?.config?.seed ?? null;
  return kerasObject("keras.initializers", known[0], config);
}

const TFJS_INITIALIZERS: Record<string, string> = {
  GlorotUniform: "glorotUniform",
  GlorotNormal: "glorotNormal",
  HeUniform: "heUniform",
  HeNormal: "heNormal",
  LecunUniform: "leCunUniform",
  LecunNormal: "leCunNormal",
  Orthogonal: "orthogonal",
  OrthogonalInitializer: "orthogonal",
  Zeros: "zeros",
  Ones: "ones",
};

/** The tfjs identifier of a Keras initializer, or `fallback` for one tfjs lacks. */
export function tfjsInitializer(value: unknown, fallback: string): string {
  const cls =
    typeof value === "string"
      ? value.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())
      : (value as KerasObject | null)?.class_name;
  return (cls && TFJS_INITIALIZERS[cls]) ?? fallback;
}

/** The Keras form of a tfjs regularizer config, or null. */
export function kerasRegularizer(reg: TfjsSerialized): KerasObject | null {
  if (!reg) return null;
  const l1 = Number(reg.config?.l1 ?? 0);
  const l2 = Number(reg.config?.l2 ?? 0);
  if (l1 && l2) return kerasObject("keras.regularizers", "L1L2", { l1, l2 });
  if (l1) return kerasObject("keras.regularizers", "L1", { l1 });
  return kerasObject("keras.regularizers", "L2", { l2 });
}

/** A tfjs regularizer from a Keras one (L1, L2, L1L2 or their names), or undefined. */
export function tfjsRegularizer(value: unknown, where: string) {
  if (value === null || value === undefined) return undefined;
  const obj = value as KerasObject;
  const cls =
    typeof value === "string" ? value.toLowerCase() : String(obj.class_name).toLowerCase();
  const c = (typeof value === "string" ? {} : obj.config) ?? {};
  const l1 = Number(c.l1 ?? (cls === "l1" || cls === "l1l2" || cls === "l1_l2" ? 0.01 : 0));
  const l2 = Number(c.l2 ?? (cls === "l2" || cls === "l1l2" || cls === "l1_l2" ? 0.01 : 0));
  if (!["l1", "l2", "l1l2", "l1_l2"].includes(cls)) {
    throw new ValueError(
      `${where}: regularizer ${describe(obj.class_name ?? value)} is not supported; supported: L1, L2, L1L2`,
    );
  }
  return tf.regularizers.l1l2({ l1, l2 });
}

const TO_KERAS_ACTIVATION: Record<string, string> = {
  leakyRelu: "leaky_relu",
  kerasHardSigmoid: "hard_sigmoid",
  hardSigmoid: "hard_sigmoid",
  logSoftmax: "log_softmax",
};

/** The Keras name of a tfjs activation name (`"leakyRelu"` → `"leaky_relu"`). */
export function kerasActivation(name: unknown): string {
  const s = typeof name === "string" ? name : "linear";
  return TO_KERAS_ACTIVATION[s] ?? s;
}

/** A Keras activation from a config (a name, or a serialised function object). */
export function activationName(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  const obj = value as KerasObject;
  return typeof obj.config === "object" && typeof obj.config?.name === "string"
    ? (obj.config.name as string)
    : String(obj.class_name);
}
