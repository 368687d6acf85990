/**
 * `Dense(units, options)`: a fully connected layer with Keras defaults.
 *
 * Behaviour: `output = activation(x · kernel + bias)`. Kernel initialised `glorotUniform`, bias
 * zeros (tfjs's own default is glorotNormal). Parameters: `in · units + units`.
 *
 * Options (defaults): `activation` ("linear"; any Keras name such as "relu", "sigmoid",
 * "softmax", "leaky_relu"), `useBias` (true), `kernelInitializer` ("glorotUniform"),
 * `biasInitializer` ("zeros"), `kernelRegularizer` / `biasRegularizer` ("l1", "l2" or
 * `keras.regularizers.l2(0.01)`), `name`, `inputShape`.
 *
 * @example
 * const model = Sequential([Input({ shape: [8] }), Dense(32, { activation: "relu" })]);
 * model.countParams(); // 288
 */
import * as tf from "@tensorflow/tfjs";
import { resolveActivation } from "../activations";
import { resolveRegularizer, type RegularizerLike } from "../regularizers";
import { baseArgs, type Layer, type LayerOptions } from "./options";
import { checkPositiveInteger } from "../../validation/checks";

/** Options of `Dense`. */
export interface DenseOptions extends LayerOptions {
  activation?: string;
  useBias?: boolean;
  kernelInitializer?: string;
  biasInitializer?: string;
  kernelRegularizer?: RegularizerLike;
  biasRegularizer?: RegularizerLike;
}

/** A Dense layer (see the module doc). */
export function Dense(units: number, options: DenseOptions = {}): Layer {
  checkPositiveInteger("Dense", "units", units);
  const args = baseArgs("Dense", "dense", options);
  return tf.layers.dense({
    ...args,
    units,
    activation: resolveActivation(options.activation, "Dense") as "linear",
    useBias: options.useBias ?? true,
    kernelInitializer: (options.kernelInitializer ?? "glorotUniform") as "glorotUniform",
    biasInitializer: (options.biasInitializer ?? "zeros") as "zeros",
    kernelRegularizer: resolveRegularizer(options.kernelRegularizer, "Dense"),
    biasRegularizer: resolveRegularizer(options.biasRegularizer, "Dense"),
  });
}
