/**
 * A tfjs layer as a Keras 3 layer entry of `config.json`: `{ module: "keras.layers",
 * class_name, config, registered_name: null, build_config }`, with Keras's snake_case config
 * keys and serialised initializers, regularizers and dtype policy.
 *
 * Behaviour: supports the layers of `SUPPORTED_LAYERS`; any other class (a custom layer, or a
 * tfjs layer we do not translate) throws a ValueError naming the layer, its class and the
 * supported list, before anything is written.
 *
 * @example
 * kerasLayerEntry(Dense(4, { name: "dense" }), [null, 3]).config.units; // 4
 */
import type * as tf from "@tensorflow/tfjs";
import {
  dtypePolicy,
  kerasActivation,
  kerasInitializer,
  kerasObject,
  kerasRegularizer,
  type KerasObject,
} from "./kerasObjects";
import { ValueError } from "../../../validation/errors";

/** The layer classes a `.keras` file may hold here (Keras class names). */
export const SUPPORTED_LAYERS = [
  "InputLayer",
  "Dense",
  "Dropout",
  "Flatten",
  "Activation",
  "BatchNormalization",
  "SimpleRNN",
  "LSTM",
  "GRU",
  "Concatenate",
] as const;

/** The classes whose weights Keras keeps under `<layer>/cell/vars`. */
export const RECURRENT_LAYERS = ["SimpleRNN", "LSTM", "GRU"];

type Config = Record<string, unknown>;
type Ser = { className?: string; config?: Config } | null;

function base(c: Config): Config {
  return { name: c.name, trainable: c.trainable ?? true, dtype: dtypePolicy() };
}

function recurrent(cls: string, c: Config): Config {
  const out: Config = {
    ...base(c),
    return_sequences: c.returnSequences ?? false,
    return_state: c.returnState ?? false,
    go_backwards: c.goBackwards ?? false,
    stateful: c.stateful ?? false,
    unroll: false,
    zero_output_for_mask: false,
    units: c.units,
    activation: kerasActivation(c.activation),
  };
  if (cls !== "SimpleRNN") out.recurrent_activation = kerasActivation(c.recurrentActivation);
  Object.assign(out, {
    use_bias: c.useBias ?? true,
    kernel_initializer: kerasInitializer(c.kernelInitializer as Ser),
    recurrent_initializer: kerasInitializer(c.recurrentInitializer as Ser),
    bias_initializer: kerasInitializer(c.biasInitializer as Ser),
  });
  if (cls === "LSTM") out.unit_forget_bias = c.unitForgetBias ?? true;
  Object.assign(out, {
    kernel_regularizer: kerasRegularizer(c.kernelRegularizer as Ser),
    recurrent_regularizer: kerasRegularizer(c.recurrentRegularizer as Ser),
    bias_regularizer: kerasRegularizer(c.biasRegularizer as Ser),
    activity_regularizer: null,
    kernel_constraint: null,
    recurrent_constraint: null,
    bias_constraint: null,
    dropout: c.dropout ?? 0,
    recurrent_dropout: c.recurrentDropout ?? 0,
    seed: null,
  });
  if (cls === "GRU") out.reset_after = c.resetAfter === true;
  return out;
}

const CONFIGS: Record<string, (c: Config) => Config> = {
  Dense: (c) => ({
    ...base(c),
    units: c.units,
    activation: kerasActivation(c.activation),
    use_bias: c.useBias ?? true,
    kernel_initializer: kerasInitializer(c.kernelInitializer as Ser),
    bias_initializer: kerasInitializer(c.biasInitializer as Ser),
    kernel_regularizer: kerasRegularizer(c.kernelRegularizer as Ser),
    bias_regularizer: kerasRegularizer(c.biasRegularizer as Ser),
    kernel_constraint: null,
    bias_constraint: null,
  }),
  Dropout: (c) => ({ ...base(c), rate: c.rate, seed: c.seed ?? null, noise_shape: null }),
  Flatten: (c) => ({ ...base(c), data_format: "channels_last" }),
  Activation: (c) => ({ ...base(c), activation: kerasActivation(c.activation) }),
  BatchNormalization: (c) => ({
    ...base(c),
    axis: c.axis ?? -1,
    momentum: c.momentum,
    epsilon: c.epsilon,
    center: c.center ?? true,
    scale: c.scale ?? true,
    beta_initializer: kerasInitializer(c.betaInitializer as Ser),
    gamma_initializer: kerasInitializer(c.gammaInitializer as Ser),
    moving_mean_initializer: kerasInitializer(c.movingMeanInitializer as Ser),
    moving_variance_initializer: kerasInitializer(c.movingVarianceInitializer as Ser),
    beta_regularizer: kerasRegularizer(c.betaRegularizer as Ser),
    gamma_regularizer: kerasRegularizer(c.gammaRegularizer as Ser),
    beta_constraint: null,
    gamma_constraint: null,
    synchronized: false,
  }),
  Concatenate: (c) => ({ ...base(c), axis: c.axis ?? -1 }),
  SimpleRNN: (c) => recurrent("SimpleRNN", c),
  LSTM: (c) => recurrent("LSTM", c),
  GRU: (c) => recurrent("GRU", c),
};

/** The Keras class of a tfjs layer, or a ValueError when `.keras` files cannot hold it. */
export function kerasClassOf(layer: tf.layers.Layer, where: string): string {
  const cls = layer.getClassName();
  if (cls === "InputLayer" || cls in CONFIGS) return cls;
  throw new ValueError(
    `${where}: layer "${layer.name}" (${cls}) cannot be written to a .keras file; supported ` +
      `layers: ${SUPPORTED_LAYERS.join(", ")}. Save to a folder instead (model.save("models/name")), ` +
      `which keeps any registered custom layer`,
  );
}

/** A layer's input shape(s) as Keras's build_config writes it. */
function inputShapeOf(layer: tf.layers.Layer): unknown {
  const shapes = layer.inboundNodes[0]?.inputShapes as unknown[] | undefined;
  if (!shapes) return null;
  return Array.isArray(shapes[0]) && shapes.length === 1 ? shapes[0] : shapes;
}

/** The Keras 3 entry of `layer` (InputLayer entries come from `inputLayerEntry`). */
export function kerasLayerEntry(layer: tf.layers.Layer, where: string): KerasObject {
  const cls = kerasClassOf(layer, where);
  const c = layer.getConfig() as Config;
  if (cls === "InputLayer") {
    const shape = (c.batchInputShape as (number | null)[] | undefined) ?? [];
    return inputLayerEntry(String(c.name), shape.slice(1), String(c.dtype ?? "float32"));
  }
  const entry = kerasObject("keras.layers", cls, CONFIGS[cls](c));
  entry.build_config = { input_shape: inputShapeOf(layer) };
  return entry;
}

/** The Keras 3 entry of an input of one-sample shape `shape`. */
export function inputLayerEntry(name: string, shape: (number | null)[], dtype = "float32") {
  return kerasObject("keras.layers", "InputLayer", {
    batch_shape: [null, ...shape],
    dtype,
    sparse: false,
    name,
  });
}
