/**
 * `KerasBatchNormalization`: tfjs's BatchNormalization, usable in training with `center: false`
 * or `scale: false` (Keras allows both; tfjs 4.22 reads the missing beta / gamma in its training
 * branch and throws).
 *
 * Behaviour: identical to tfjs's layer when both are on. Otherwise, during the call only, the
 * missing variable reads as zeros (beta) or ones (gamma), which is what "no offset" and "no
 * scale" mean; weights, config and serialization are tfjs's (registered under the class name
 * "BatchNormalization", so saved models reload with it).
 *
 * @example
 * const bn = new KerasBatchNormalization({ center: false });
 * bn.apply(tf.ones([4, 3]), { training: true }); // no error
 */
import * as tf from "@tensorflow/tfjs";

type Args = Parameters<typeof tf.layers.batchNormalization>[0];
type Kwargs = { [key: string]: unknown };
type Readable = { read(): tf.Tensor };

/** tfjs's BatchNormalization class (not exported by name; taken from an instance). */
const TfjsBatchNormalization = Object.getPrototypeOf(tf.layers.batchNormalization({}))
  .constructor as {
  new (args?: Args): tf.layers.Layer;
};

/** Batch normalisation that trains with `center` or `scale` off (see the module doc). */
export class KerasBatchNormalization extends TfjsBatchNormalization {
  static className = "BatchNormalization";

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const self = this as unknown as {
      center: boolean;
      scale: boolean;
      gamma: Readable | null;
      beta: Readable | null;
      movingMean: { shape: number[] };
    };
    if (self.center && self.scale) return super.call(inputs, kwargs);
    const saved = { gamma: self.gamma, beta: self.beta };
    const shape = self.movingMean.shape;
    if (!self.scale) self.gamma = { read: () => tf.ones(shape) };
    if (!self.center) self.beta = { read: () => tf.zeros(shape) };
    try {
      return super.call(inputs, kwargs);
    } finally {
      self.gamma = saved.gamma;
      self.beta = saved.beta;
    }
  }
}

tf.serialization.registerClass(
  KerasBatchNormalization as unknown as tf.serialization.SerializableConstructor<tf.layers.Layer>,
);
