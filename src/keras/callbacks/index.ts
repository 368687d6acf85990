/**
 * `keras.callbacks`: Keras training callbacks for `model.fit` — `EarlyStopping`,
 * `ModelCheckpoint`, `ReduceLROnPlateau`, `CSVLogger`, `TerminateOnNaN`, `TensorBoard`,
 * `ProgbarLogger` — as factories with Keras options (camelCase), plus the `Callback` base class
 * for your own and `CallbackList`.
 *
 * @example
 * const { EarlyStopping, ModelCheckpoint } = keras.callbacks;
 * await model.fit(x, y, {
 *   epochs: 100,
 *   validationSplit: 0.2,
 *   callbacks: [EarlyStopping({ patience: 5, restoreBestWeights: true }), ModelCheckpoint("models/best", { saveBestOnly: true })],
 * });
 */
export {
  Callback,
  type Logs,
  type TrainingParams,
  type CallbackModel,
  type PlainCallback,
} from "./callback";
export { CallbackList } from "./callbackList";
export { EarlyStopping, EarlyStoppingCallback, type EarlyStoppingOptions } from "./earlyStopping";
export {
  ModelCheckpoint,
  ModelCheckpointCallback,
  type ModelCheckpointOptions,
} from "./modelCheckpoint";
export {
  ReduceLROnPlateau,
  ReduceLROnPlateauCallback,
  type ReduceLROnPlateauOptions,
} from "./reduceLROnPlateau";
export { CSVLogger, CSVLoggerCallback, type CSVLoggerOptions } from "./csvLogger";
export {
  TerminateOnNaN,
  TerminateOnNaNCallback,
  type TerminateOnNaNOptions,
} from "./terminateOnNaN";
export { TensorBoard, TensorBoardCallback, type TensorBoardOptions } from "./tensorBoard";
export { ProgbarLogger, ProgbarLoggerCallback, type ProgbarLoggerOptions } from "./progbarLogger";
export { progressLine, type ProgressState } from "./progressLine";
export { metricDirection, type MonitorMode } from "./monitor";
