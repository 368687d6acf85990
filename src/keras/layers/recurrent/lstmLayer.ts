/**
 * `KerasLSTM`: tfjs's LSTM layer with the fused forward pass of ./fused/fusedCall.ts.
 *
 * Behaviour: identical to tfjs's LSTM (weights, configuration, masking, states, dropout); calls
 * the fused path covers run as one projection plus one host recurrence op, the others run tfjs's
 * loop. Registered for serialization under tfjs's class name "LSTM", so saved models load into
 * it and summaries read `lstm (LSTM)`.
 *
 * @example
 * const layer = new KerasLSTM({ units: 8, recurrentActivation: "sigmoid" });
 * layer.getClassName(); // "LSTM"
 */
import * as tf from "@tensorflow/tfjs";
import { fusedRecurrentCall } from "./fused/fusedCall";
import { lstmRecurrence } from "./fused/lstmRecurrence";

type LSTMArgs = Parameters<typeof tf.layers.lstm>[0];
type Kwargs = { [key: string]: unknown };

/** tfjs's LSTM layer class (not exported by name; taken from an instance). */
const TfjsLSTMClass = Object.getPrototypeOf(tf.layers.lstm({ units: 1 })).constructor as {
  new (args: LSTMArgs): tf.RNN;
  className: string;
  fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T;
};

/** An LSTM layer with the fused forward pass (see the module doc). */
export class KerasLSTM extends TfjsLSTMClass {
  static override className = "LSTM";

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return fusedRecurrentCall(this, lstmRecurrence, inputs, kwargs) ?? super.call(inputs, kwargs);
  }
}

tf.serialization.registerClass(KerasLSTM);
