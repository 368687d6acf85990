/**
 * `keras.activations`: the activation names layers accept.
 *
 * @example
 * keras.activations.NAMES.includes("leaky_relu"); // true
 */
import { ACTIVATION_NAMES } from "./activations";

/** Valid activation names. */
export const NAMES: readonly string[] = ACTIVATION_NAMES;
