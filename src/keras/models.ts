/**
 * `keras.models`: `loadModel(path)` for `.keras` files (from `model.save("x.keras")` or Python
 * Keras 3) and for folders saved with `model.save(folder)`.
 *
 * @example
 * const model = await keras.models.loadModel("models/reg.keras");
 */
export { loadModel } from "./saving/load";
