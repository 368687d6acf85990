/**
 * Recurrent layers with Keras's defaults: `SimpleRNN`, `LSTM`, `GRU` (Keras 3's `reset_after`
 * GRU included), and the layer classes behind the GRU.
 *
 * Behaviour: each factory returns a tfjs layer usable in `Sequential`, the functional API,
 * `tf.sequential` and `tf.model`. Inputs are `[batch, timesteps, features]`: give the first
 * layer `Input({ shape: [timesteps, features] })` or `inputShape: [timesteps, features]`.
 * Weights follow Keras's order and layout, so `setWeights([kernel, recurrentKernel, bias])` takes
 * Keras's arrays.
 *
 * @example
 * const model = Sequential([Input({ shape: [10, 8] }), LSTM(32, { returnSequences: true }), GRU(16)]);
 * model.predict(tf.zeros([2, 10, 8])).shape; // [2, 16]
 */
export { SimpleRNN, type SimpleRNNOptions } from "./simpleRnn";
export { LSTM, type LSTMOptions } from "./lstm";
export { GRU, type GRUOptions } from "./gru";
export { ResetAfterGRU, type ResetAfterGRUArgs } from "./gruLayer";
export { ResetAfterGRUCell } from "./gruCell";
export type { RecurrentOptions } from "./options";
export type { InitializerLike } from "./initializers";
