/**
 * `Input({ shape })`: the symbolic input of a model (Keras `keras.Input`).
 *
 * Behaviour: in a `Sequential`, an `Input` first only sets the first layer's input shape (no
 * InputLayer row in the summary, as in Keras). In the functional API it starts the graph that
 * `Model({ inputs, outputs })` closes. Named `input_layer`, `input_layer_1`…
 *
 * Options: `shape` (required, one sample's shape, e.g. `[8]`), `name`, `dtype` ("float32").
 *
 * @example
 * const inp = Input({ shape: [8] });
 * inp.shape; // [null, 8]
 */
import * as tf from "@tensorflow/tfjs";
import { uniqueName } from "../naming";
import { checkShape } from "./options";
import { ValueError, describe } from "../../validation/errors";

/** Options of `Input`. */
export interface InputOptions {
  shape: number[];
  name?: string;
  dtype?: "float32" | "int32";
}

/** A symbolic tensor standing for a batch of inputs. */
export type SymbolicTensor = tf.SymbolicTensor;

/** Creates a model input (see the module doc). */
export function Input(options: InputOptions): SymbolicTensor {
  if (options === null || typeof options !== "object" || options.shape === undefined) {
    throw new ValueError(
      `Input: options.shape is required, e.g. Input({ shape: [8] }); got ${describe(options)}`,
    );
  }
  const shape = checkShape("Input", options.shape);
  return tf.input({
    shape,
    name: options.name ?? uniqueName("input_layer"),
    dtype: options.dtype ?? "float32",
  });
}
