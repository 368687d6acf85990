/**
 * `keras.layers`: layer factories with Keras names and defaults (Dense, Dropout, Flatten,
 * Activation, BatchNormalization, Concatenate, Input, and the recurrent SimpleRNN, LSTM, GRU).
 *
 * Custom layers: subclass `tf.layers.Layer` (implement `call`, and `computeOutputShape` when the
 * shape changes), give it `static className` and register it with
 * `tf.serialization.registerClass(MyLayer)` so saved models reload; then use `new MyLayer()` in
 * a `Sequential` or apply it in the functional API. Subclassing `Model` or `Sequential` is not
 * supported (it throws).
 *
 * @example
 * class Double extends tf.layers.Layer {
 *   static className = "Double";
 *   call(x: tf.Tensor | tf.Tensor[]) { return tf.mul(Array.isArray(x) ? x[0] : x, 2); }
 * }
 * Sequential([Input({ shape: [3] }), new Double(), Dense(1)]).countParams(); // 4
 */
export { Dense, type DenseOptions } from "./dense";
export { Dropout, Flatten, Activation, BatchNormalization } from "./simple";
export type { BatchNormalizationOptions } from "./simple";
export { Input, type InputOptions, type SymbolicTensor } from "./input";
export { Concatenate, concatenate, type ConcatenateOptions } from "./concatenate";
export type { Layer, LayerOptions } from "./options";
export * from "./recurrent";
