/**
 * Weight initializers of the recurrent layers, by Keras or tfjs name.
 *
 * Behaviour: `resolveInitializer(value, where, arg)` accepts a Keras name (`"glorot_uniform"`,
 * `"orthogonal"`, `"zeros"`, `"he_normal"`, `"lecun_uniform"`…), the tfjs spelling
 * (`"glorotUniform"`) or a `tf.initializers.*` object, and returns what tfjs-layers takes. The
 * orthogonal initializer is built without tfjs's "Slowness may result" console warning, which
 * tfjs prints for any recurrent kernel above 2,000 weights (LSTM(23) already): Keras does not
 * warn, and the QR factorisation takes about 0.1 s for LSTM(50).
 *
 * @example
 * resolveInitializer("glorot_uniform", "LSTM", "kernelInitializer"); // "glorotUniform"
 */
import * as tf from "@tensorflow/tfjs";
import { ArgumentTypeError, describe } from "../../../validation/errors";
import { lookupName } from "../../../validation/names";

/** A tfjs initializer object. */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;
/** What the `*Initializer` options accept: a name or a `tf.initializers.*` object. */
export type InitializerLike = string | Initializer;

/** Keras name → tfjs identifier. */
const INITIALIZERS: Record<string, string> = {
  glorot_uniform: "glorotUniform",
  glorot_normal: "glorotNormal",
  he_uniform: "heUniform",
  he_normal: "heNormal",
  lecun_uniform: "leCunUniform",
  lecun_normal: "leCunNormal",
  orthogonal: "orthogonal",
  zeros: "zeros",
  ones: "ones",
  random_uniform: "randomUniform",
  random_normal: "randomNormal",
  truncated_normal: "truncatedNormal",
  identity: "identity",
  variance_scaling: "varianceScaling",
};

/** tfjs's orthogonal initializer, with its size warning turned off. */
function quietOrthogonal(): Initializer {
  const init = tf.initializers.orthogonal({});
  // tfjs keeps the warning threshold in an instance field; Keras prints nothing here.
  (init as unknown as { ELEMENTS_WARN_SLOW: number }).ELEMENTS_WARN_SLOW = Infinity;
  return init;
}

/** The tfjs initializer for `value` (see the module doc). */
export function resolveInitializer(
  value: unknown,
  where: string,
  arg: string,
): string | Initializer {
  if (value instanceof tf.serialization.Serializable) return value as Initializer;
  if (typeof value !== "string") {
    throw new ArgumentTypeError(
      `${where}: ${arg} must be an initializer name such as "glorot_uniform" or a tf.initializers object; got ${describe(value)}`,
    );
  }
  const id = lookupName(where, arg, value, INITIALIZERS, Object.keys(INITIALIZERS));
  return id === "orthogonal" ? quietOrthogonal() : id;
}
