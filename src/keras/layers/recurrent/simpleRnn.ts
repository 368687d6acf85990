/**
 * `SimpleRNN(units, options)`: a fully connected recurrent layer with Keras's defaults.
 *
 * Behaviour: for each timestep `h = activation(x · kernel + bias + h_prev · recurrent_kernel)`,
 * starting from zeros. Input `[batch, timesteps, features]`; output `[batch, units]`, or
 * `[batch, timesteps, units]` with `returnSequences`. Weights in Keras's order and layout:
 * kernel `[features, units]` ("glorot_uniform"; tfjs's own default is glorotNormal),
 * recurrent_kernel `[units, units]` ("orthogonal"), bias `[units]` ("zeros"). Parameters:
 * `features · units + units · units + units`.
 *
 * Options (defaults): `activation` ("tanh"), `useBias` (true), `kernelInitializer`
 * ("glorot_uniform"), `recurrentInitializer` ("orthogonal"), `biasInitializer` ("zeros"),
 * `kernelRegularizer` / `recurrentRegularizer` / `biasRegularizer` ("l1", "l2" or objects),
 * `dropout` (0), `recurrentDropout` (0), `returnSequences` (false), `returnState` (false),
 * `goBackwards` (false), `stateful` (false), `inputShape` (`[timesteps, features]`),
 * `batchInputShape`, `name` ("simple_rnn", "simple_rnn_1"…), `trainable` (true).
 *
 * @example
 * const model = Sequential([Input({ shape: [10, 4] }), SimpleRNN(16), Dense(1)]);
 * model.countParams(); // 353  (4·16 + 16·16 + 16 = 336, plus Dense 17)
 */
import * as tf from "@tensorflow/tfjs";
import { recurrentArgs, type RecurrentOptions } from "./options";
import { KerasSimpleRNN } from "./fusedLayers";

/** Options of `SimpleRNN` (all of `RecurrentOptions`). */
export type SimpleRNNOptions = RecurrentOptions;

/** A SimpleRNN layer (see the module doc). */
export function SimpleRNN(units: number, options: SimpleRNNOptions = {}): tf.layers.Layer {
  const args = recurrentArgs("SimpleRNN", "simple_rnn", units, options, []);
  return new KerasSimpleRNN(args as unknown as Parameters<typeof tf.layers.simpleRNN>[0]);
}
