/**
 * `KerasLSTM` and `KerasSimpleRNN`: tfjs's LSTM and SimpleRNN layers with the fused forward
 * pass of ./fused/fusedCall.ts.
 *
 * Behaviour: identical to tfjs's layers (weights, configuration, masking, states, dropout);
 * calls the fused path covers run as one input projection plus one host recurrence op, the
 * others run tfjs's loop. Each is registered for serialization under tfjs's class name ("LSTM",
 * "SimpleRNN"), so saved models load into them and summaries read `lstm (LSTM)`.
 *
 * @example
 * const layer = new KerasLSTM({ units: 8, recurrentActivation: "sigmoid" });
 * layer.getClassName(); // "LSTM"
 */
import * as tf from "@tensorflow/tfjs";
import { fusedRecurrentCall } from "./fused/fusedCall";
import { lstmRecurrence } from "./fused/lstmRecurrence";
import { simpleRecurrence } from "./fused/simpleRecurrence";
import type { Recurrence } from "./fused/recurrence";

type Kwargs = { [key: string]: unknown };
type LSTMArgs = Parameters<typeof tf.layers.lstm>[0];
type SimpleRNNArgs = Parameters<typeof tf.layers.simpleRNN>[0];

/** A tfjs recurrent layer class, as taken from an instance. */
interface RnnClass<A> {
  new (args: A): tf.RNN;
  className: string;
  fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T;
}

/** tfjs's class of `layer` (tfjs does not export the layer classes by name). */
function classOf<A>(layer: tf.layers.Layer): RnnClass<A> {
  return Object.getPrototypeOf(layer).constructor as RnnClass<A>;
}

/** `Base` with the fused call, registered under tfjs's class name. */
function withFusedCall<A>(Base: RnnClass<A>, recurrence: Recurrence): RnnClass<A> {
  class Fused extends Base {
    static override className = Base.className;

    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
      return fusedRecurrentCall(this, recurrence, inputs, kwargs) ?? super.call(inputs, kwargs);
    }
  }
  tf.serialization.registerClass(Fused);
  return Fused;
}

/** An LSTM layer with the fused forward pass (see the module doc). */
export const KerasLSTM = withFusedCall(
  classOf<LSTMArgs>(tf.layers.lstm({ units: 1 })),
  lstmRecurrence,
);

/** A SimpleRNN layer with the fused forward pass (see the module doc). */
export const KerasSimpleRNN = withFusedCall(
  classOf<SimpleRNNArgs>(tf.layers.simpleRNN({ units: 1 })),
  simpleRecurrence,
);
