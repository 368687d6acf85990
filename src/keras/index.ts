/**
 * `keras`: the Keras-shaped model API on TensorFlow.js.
 *
 * `Sequential`, `Model` (functional), `Input`, and the namespaces `layers`, `optimizers`,
 * `losses`, `metrics`, `regularizers`, `activations`, `callbacks`, `models` (`loadModel`),
 * `backend` (`clearSession`) and `utils` (`setRandomSeed`). Factories are plain functions (no
 * `new`), with Keras names and defaults.
 *
 * @example
 * const { Sequential, Input } = keras;
 * const { Dense } = keras.layers;
 * const model = Sequential([Input({ shape: [8] }), Dense(1, { activation: "sigmoid" })]);
 * model.compile({ optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"] });
 * model.countParams(); // 9
 */
export { Sequential, SequentialModel } from "./engine/sequential";
export type { SequentialConstructor, SequentialItem, SequentialOptions } from "./engine/sequential";
export { Model, FunctionalModel } from "./engine/functional";
export type { ModelConstructor, ModelOptions } from "./engine/functional";
export { KerasModel, type InferenceOptions } from "./engine/model";
export type { CompileOptions } from "./engine/compile";
export type { FitOptions } from "./engine/fitOptions";
export type { ModelData, ArrayLikeData } from "./engine/data";
export { History, type HistoryParams } from "./history";
export { Input } from "./layers/input";
export * as layers from "./layers";
export * as optimizers from "./optimizers";
export * as losses from "./lossNames";
export * as metrics from "./metricNames";
export * as regularizers from "./regularizers";
export * as activations from "./activationNames";
export * as models from "./models";
export * as backend from "./backend";
export * as callbacks from "./callbacks";
export * as utils from "./utils";
