/**
 * Options every Keras-style layer factory accepts, and their translation to tfjs-layers.
 *
 * @example
 * baseArgs("Dense", "dense", { inputShape: [8] }); // { name: "dense", inputShape: [8] }
 */
import type * as tf from "@tensorflow/tfjs";
import { uniqueName } from "../naming";
import { ValueError, describe } from "../../validation/errors";

/** Options common to all layers. */
export interface LayerOptions {
  /** Layer name; default a Keras-style unique name (`dense`, `dense_1`…). */
  name?: string;
  /** Shape of one sample (Keras 2 style); prefer `Input({ shape })` first in a Sequential. */
  inputShape?: number[];
  /** Whether the weights train; default true. */
  trainable?: boolean;
}

/** A tfjs-layers layer, as returned by every factory in `keras.layers`. */
export type Layer = tf.layers.Layer;

/** The tfjs base arguments (name, inputShape, trainable) from `options`. */
export function baseArgs(
  where: string,
  base: string,
  options: LayerOptions,
): { name: string; inputShape?: number[]; trainable?: boolean } {
  if (options === null || typeof options !== "object") {
    throw new ValueError(`${where}: options must be an object; got ${describe(options)}`);
  }
  const out: { name: string; inputShape?: number[]; trainable?: boolean } = {
    name: options.name ?? uniqueName(base),
  };
  if (options.inputShape !== undefined) out.inputShape = checkShape(where, options.inputShape);
  if (options.trainable !== undefined) out.trainable = options.trainable;
  return out;
}

/** A sample shape: an array of positive integers (null allowed for a free dimension). */
export function checkShape(where: string, shape: unknown): number[] {
  if (
    !Array.isArray(shape) ||
    shape.some((d) => d !== null && (typeof d !== "number" || !Number.isInteger(d) || d <= 0))
  ) {
    throw new ValueError(
      `${where}: shape must be an array of positive integers such as [8]; got ${Array.isArray(shape) ? `[${shape.join(", ")}]` : describe(shape)}`,
    );
  }
  return shape as number[];
}
