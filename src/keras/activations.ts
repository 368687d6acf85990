/**
 * Activations by their Keras names: `relu`, `sigmoid`, `tanh`, `softmax`, `linear`, `swish` /
 * `silu`, `leaky_relu`, `elu`, `selu`, `softplus`, `softsign`, `hard_sigmoid`, `gelu`, `relu6`,
 * `mish`, `log_softmax` (tfjs camelCase spellings are accepted too).
 *
 * Behaviour: `resolveActivation(name)` gives the identifier tfjs-layers understands. Keras
 * activations missing from tfjs (`leaky_relu` with slope 0.2, Keras 3's `hard_sigmoid`
 * `relu6(x + 3) / 6`, registered as `kerasHardSigmoid` because tfjs's `hardSigmoid` is Keras 2's
 * `0.2x + 0.5`) are registered with tfjs's serializer so that saved models reload.
 * An unknown name throws a ValueError that lists the valid names and suggests the closest.
 *
 * @example
 * resolveActivation("leaky_relu", "Dense"); // "leakyRelu"
 * resolveActivation("hardSigmoid", "Dense"); // "kerasHardSigmoid"
 */
import * as tf from "@tensorflow/tfjs";
import { lookupName } from "../validation/names";

/** A tfjs-compatible activation object (the shape tfjs-layers expects). */
abstract class KerasActivation extends tf.serialization.Serializable {
  abstract apply(x: tf.Tensor): tf.Tensor;
  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

class LeakyRelu extends KerasActivation {
  static className = "leakyRelu";
  apply(x: tf.Tensor): tf.Tensor {
    return tf.leakyRelu(x, 0.2);
  }
}

class HardSigmoid extends KerasActivation {
  static className = "kerasHardSigmoid";
  apply(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.div(tf.relu6(tf.add(x, 3)), 6));
  }
}

tf.serialization.registerClass(LeakyRelu);
tf.serialization.registerClass(HardSigmoid);

/** Keras name → tfjs identifier. */
const ACTIVATIONS: Record<string, string> = {
  relu: "relu",
  sigmoid: "sigmoid",
  tanh: "tanh",
  softmax: "softmax",
  linear: "linear",
  swish: "swish",
  silu: "swish",
  leaky_relu: "leakyRelu",
  elu: "elu",
  selu: "selu",
  softplus: "softplus",
  softsign: "softsign",
  hard_sigmoid: "kerasHardSigmoid",
  gelu: "gelu",
  relu6: "relu6",
  mish: "mish",
  log_softmax: "logSoftmax",
};

/** The valid activation names. */
export const ACTIVATION_NAMES: readonly string[] = Object.keys(ACTIVATIONS);

/** The tfjs identifier of a Keras activation name; `undefined` / `null` give `linear`. */
export function resolveActivation(name: string | null | undefined, where: string): string {
  if (name === undefined || name === null) return "linear";
  return lookupName(where, "activation", name, ACTIVATIONS);
}
