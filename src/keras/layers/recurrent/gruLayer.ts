/**
 * `ResetAfterGRU`: the GRU layer of Keras 3's default (`reset_after=True`), a tfjs `RNN` over a
 * `ResetAfterGRUCell`.
 *
 * Behaviour: like tfjs's GRU layer (sequences, states, masking, `goBackwards`, `stateful`), with
 * Keras's `reset_after` cell. It is registered for serialization under the class name "GRU",
 * so summaries read `gru (GRU)` as in Keras and `tf.loadLayersModel` rebuilds it. Loading a
 * "GRU" config dispatches on `resetAfter`: true builds this class, false (or missing, as in
 * models saved by plain tfjs) builds tfjs's own GRU, so both kinds of saved model load.
 *
 * @example
 * const layer = new ResetAfterGRU({ units: 32, recurrentActivation: "sigmoid" });
 * layer.getClassName(); // "GRU"
 */
import * as tf from "@tensorflow/tfjs";
import { ResetAfterGRUCell } from "./gruCell";
import { fusedRecurrentCall } from "./fused/fusedCall";
import { gruRecurrence } from "./fused/gruRecurrence";

/** Arguments of the layer: tfjs's GRU arguments. */
export type ResetAfterGRUArgs = Parameters<typeof tf.layers.gru>[0];
type Kwargs = { [key: string]: unknown };

/** tfjs's GRU layer class (not exported by name; taken from an instance). */
const TfjsGRUClass = Object.getPrototypeOf(tf.layers.gru({ units: 1 })).constructor as {
  new (args: ResetAfterGRUArgs): tf.layers.Layer;
};

/** A GRU layer with `reset_after=True` (see the module doc). */
export class ResetAfterGRU extends tf.RNN {
  static override className = "GRU";

  constructor(args: ResetAfterGRUArgs) {
    super({ ...args, cell: new ResetAfterGRUCell({ ...args, resetAfter: true }) });
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    (this.cell as ResetAfterGRUCell).resetDropoutMasks();
    const fused = fusedRecurrentCall(this, gruRecurrence, inputs, kwargs);
    if (fused !== null) return fused;
    return super.call(inputs, {
      mask: kwargs?.["mask"],
      training: kwargs?.["training"],
      initialState: kwargs?.["initialState"],
    });
  }

  override dispose(): ReturnType<tf.layers.Layer["dispose"]> {
    (this.cell as ResetAfterGRUCell).resetDropoutMasks();
    return super.dispose();
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    if (config["resetAfter"] === true) return new cls(config);
    return new TfjsGRUClass(config as unknown as ResetAfterGRUArgs) as unknown as T;
  }
}

tf.serialization.registerClass(ResetAfterGRU);
