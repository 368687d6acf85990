/**
 * A Keras 3 layer entry of `config.json` as a tslab-ml layer, built with the same factories a
 * notebook uses (so Keras defaults, the reset-after GRU and the activation names all apply).
 *
 * Behaviour: reads the snake_case config keys Keras writes; initializers map to tfjs ones where
 * tfjs has them (weights are loaded over them anyway); constraints, seeds and dtype policies are
 * ignored. A class outside `SUPPORTED_LAYERS` throws a ValueError naming the layer, the class
 * and the supported list.
 *
 * @example
 * layerFromConfig({ class_name: "Dense", config: { name: "d", units: 2 } }, "loadModel").name; // "d"
 */
import type * as tf from "@tensorflow/tfjs";
import { Dense } from "../../layers/dense";
import { Activation, BatchNormalization, Dropout, Flatten } from "../../layers/simple";
import { Concatenate } from "../../layers/concatenate";
import { GRU, LSTM, SimpleRNN } from "../../layers/recurrent";
import { activationName, tfjsInitializer, tfjsRegularizer, type KerasObject } from "./kerasObjects";
import { SUPPORTED_LAYERS } from "./layerConfig";
import { ValueError } from "../../../validation/errors";

type Config = Record<string, unknown>;

function common(c: Config): { name?: string; trainable?: boolean } {
  const out: { name?: string; trainable?: boolean } = {};
  if (typeof c.name === "string") out.name = c.name;
  if (typeof c.trainable === "boolean") out.trainable = c.trainable;
  return out;
}

function recurrentOptions(cls: string, c: Config, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...common(c),
    activation: activationName(c.activation) ?? "linear",
    useBias: c.use_bias ?? true,
    kernelInitializer: tfjsInitializer(c.kernel_initializer, "glorotUniform"),
    recurrentInitializer: tfjsInitializer(c.recurrent_initializer, "orthogonal"),
    biasInitializer: tfjsInitializer(c.bias_initializer, "zeros"),
    kernelRegularizer: tfjsRegularizer(c.kernel_regularizer, where),
    recurrentRegularizer: tfjsRegularizer(c.recurrent_regularizer, where),
    biasRegularizer: tfjsRegularizer(c.bias_regularizer, where),
    dropout: c.dropout ?? 0,
    recurrentDropout: c.recurrent_dropout ?? 0,
    returnSequences: c.return_sequences ?? false,
    returnState: c.return_state ?? false,
    goBackwards: c.go_backwards ?? false,
  };
  if (cls !== "SimpleRNN") out.recurrentActivation = activationName(c.recurrent_activation);
  if (cls === "LSTM") out.unitForgetBias = c.unit_forget_bias ?? true;
  if (cls === "GRU") out.resetAfter = c.reset_after ?? true;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

const BUILDERS: Record<string, (c: Config, where: string) => tf.layers.Layer> = {
  Dense: (c, where) =>
    Dense(Number(c.units), {
      ...common(c),
      activation: activationName(c.activation) ?? "linear",
      useBias: (c.use_bias as boolean | undefined) ?? true,
      kernelInitializer: tfjsInitializer(c.kernel_initializer, "glorotUniform"),
      biasInitializer: tfjsInitializer(c.bias_initializer, "zeros"),
      kernelRegularizer: tfjsRegularizer(c.kernel_regularizer, where),
      biasRegularizer: tfjsRegularizer(c.bias_regularizer, where),
    }),
  Dropout: (c) => Dropout(Number(c.rate ?? 0), common(c)),
  Flatten: (c) => Flatten(common(c)),
  Activation: (c) => Activation(activationName(c.activation) ?? "linear", common(c)),
  BatchNormalization: (c) =>
    BatchNormalization({
      ...common(c),
      axis: typeof c.axis === "number" ? c.axis : Array.isArray(c.axis) ? Number(c.axis[0]) : -1,
      momentum: Number(c.momentum ?? 0.99),
      epsilon: Number(c.epsilon ?? 0.001),
      center: (c.center as boolean | undefined) ?? true,
      scale: (c.scale as boolean | undefined) ?? true,
    }),
  Concatenate: (c) => Concatenate({ ...common(c), axis: Number(c.axis ?? -1) }),
  SimpleRNN: (c, where) => SimpleRNN(Number(c.units), recurrentOptions("SimpleRNN", c, where)),
  LSTM: (c, where) => LSTM(Number(c.units), recurrentOptions("LSTM", c, where)),
  GRU: (c, where) => GRU(Number(c.units), recurrentOptions("GRU", c, where)),
};

/** The error for a layer class `.keras` files cannot hold here. */
export function unsupportedLayer(where: string, cls: string, name: unknown): ValueError {
  return new ValueError(
    `${where}: layer ${name ? `"${String(name)}" ` : ""}of class ${cls} is not supported in ` +
      `.keras files; supported layers: ${SUPPORTED_LAYERS.join(", ")}`,
  );
}

/** Builds the layer of a Keras 3 entry (not InputLayer; see the module doc). */
export function layerFromConfig(entry: KerasObject, where: string): tf.layers.Layer {
  const cls = String(entry.class_name);
  const build = BUILDERS[cls];
  const config = (entry.config ?? {}) as Config;
  if (!build) throw unsupportedLayer(where, cls, config.name);
  if (config.stateful === true) {
    throw new ValueError(
      `${where}: layer "${String(config.name)}" (${cls}) is stateful; stateful recurrent layers ` +
        `are not supported in .keras files`,
    );
  }
  return build(config, where);
}
