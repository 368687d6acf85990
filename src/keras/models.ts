/**
 * `keras.models`: `loadModel(folder)` for models saved with `model.save(folder)`.
 *
 * @example
 * const model = await keras.models.loadModel("models/reg");
 */
export { loadModel } from "./saving/load";
