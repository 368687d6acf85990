/**
 * Small layers with Keras names: `Dropout(rate)`, `Flatten()`, `Activation(name)`,
 * `BatchNormalization()`.
 *
 * Behaviour: Dropout zeroes a fraction `rate` of inputs during training only and scales the rest
 * by `1 / (1 - rate)`; Flatten keeps the batch axis and flattens the rest; Activation applies a
 * Keras activation by name; BatchNormalization normalises with momentum 0.99, epsilon 0.001
 * (Keras defaults) and has 4 parameters per feature (2 trainable; `center: false` drops beta,
 * `scale: false` drops gamma).
 *
 * @example
 * Sequential([Input({ shape: [4] }), Dense(8), Dropout(0.3), Activation("relu")]).countParams(); // 40
 */
import * as tf from "@tensorflow/tfjs";
import { resolveActivation } from "../activations";
import { baseArgs, type Layer, type LayerOptions } from "./options";
import { KerasBatchNormalization } from "./batchNormalization";
import { ValueError } from "../../validation/errors";

/** Dropout with rate in [0, 1). */
export function Dropout(rate: number, options: LayerOptions & { seed?: number } = {}): Layer {
  if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) {
    throw new ValueError(`Dropout: rate must be in [0, 1); got ${String(rate)}`);
  }
  return tf.layers.dropout({
    ...baseArgs("Dropout", "dropout", options),
    rate,
    seed: options.seed,
  });
}

/** Flattens each sample to one axis. */
export function Flatten(options: LayerOptions = {}): Layer {
  return tf.layers.flatten(baseArgs("Flatten", "flatten", options));
}

/** Applies an activation by its Keras name. */
export function Activation(activation: string, options: LayerOptions = {}): Layer {
  return tf.layers.activation({
    ...baseArgs("Activation", "activation", options),
    activation: resolveActivation(activation, "Activation") as "linear",
  });
}

/** Options of `BatchNormalization` (Keras defaults). */
export interface BatchNormalizationOptions extends LayerOptions {
  /** Default 0.99. */
  momentum?: number;
  /** Default 0.001. */
  epsilon?: number;
  /** Default -1 (features last). */
  axis?: number;
  /** Learn an offset `beta`; default true. */
  center?: boolean;
  /** Learn a scale `gamma`; default true. */
  scale?: boolean;
}

/** Batch normalisation over the last axis. */
export function BatchNormalization(options: BatchNormalizationOptions = {}): Layer {
  return new KerasBatchNormalization({
    ...baseArgs("BatchNormalization", "batch_normalization", options),
    momentum: options.momentum ?? 0.99,
    epsilon: options.epsilon ?? 0.001,
    axis: options.axis ?? -1,
    center: options.center ?? true,
    scale: options.scale ?? true,
  });
}
