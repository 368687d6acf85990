/**
 * `Concatenate({ axis })` (a layer) and `concatenate([a, b])` (applies one) as in Keras.
 *
 * Behaviour: joins its inputs along `axis` (default -1, the features).
 *
 * @example
 * const a = Input({ shape: [3] });
 * const b = Input({ shape: [2] });
 * concatenate([a, b]).shape; // [null, 5]
 */
import * as tf from "@tensorflow/tfjs";
import { baseArgs, type Layer, type LayerOptions } from "./options";
import { ValueError } from "../../validation/errors";

/** Options of `Concatenate`. */
export interface ConcatenateOptions extends LayerOptions {
  /** Default -1. */
  axis?: number;
}

/** A concatenation layer. */
export function Concatenate(options: ConcatenateOptions = {}): Layer {
  return tf.layers.concatenate({
    ...baseArgs("Concatenate", "concatenate", options),
    axis: options.axis ?? -1,
  });
}

/** Concatenates symbolic tensors (functional API). */
export function concatenate(
  inputs: tf.SymbolicTensor[],
  options: ConcatenateOptions = {},
): tf.SymbolicTensor {
  if (!Array.isArray(inputs) || inputs.length < 2) {
    throw new ValueError(`concatenate: inputs must be an array of at least 2 tensors`);
  }
  return Concatenate(options).apply(inputs) as tf.SymbolicTensor;
}
