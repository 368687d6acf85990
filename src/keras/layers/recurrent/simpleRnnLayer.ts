/**
 * `KerasSimpleRNN`: tfjs's SimpleRNN layer with the fused forward pass of
 * ./fused/fusedCall.ts.
 *
 * Behaviour: identical to tfjs's SimpleRNN (weights, configuration, masking, states, dropout);
 * calls the fused path covers (tanh activation) run as one projection plus one host recurrence
 * op, the others run tfjs's loop. Registered for serialization under tfjs's class name
 * "SimpleRNN", so saved models load into it.
 *
 * @example
 * const layer = new KerasSimpleRNN({ units: 8 });
 * layer.getClassName(); // "SimpleRNN"
 */
import * as tf from "@tensorflow/tfjs";
import { fusedRecurrentCall } from "./fused/fusedCall";
import { simpleRecurrence } from "./fused/simpleRecurrence";

type SimpleRNNArgs = Parameters<typeof tf.layers.simpleRNN>[0];
type Kwargs = { [key: string]: unknown };

/** tfjs's SimpleRNN layer class (not exported by name; taken from an instance). */
const TfjsSimpleRNNClass = Object.getPrototypeOf(tf.layers.simpleRNN({ units: 1 })).constructor as {
  new (args: SimpleRNNArgs): tf.RNN;
  className: string;
  fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T;
};

/** A SimpleRNN layer with the fused forward pass (see the module doc). */
export class KerasSimpleRNN extends TfjsSimpleRNNClass {
  static override className = "SimpleRNN";

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return fusedRecurrentCall(this, simpleRecurrence, inputs, kwargs) ?? super.call(inputs, kwargs);
  }
}

tf.serialization.registerClass(KerasSimpleRNN);
