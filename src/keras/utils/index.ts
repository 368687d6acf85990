/** `keras.utils`: `setRandomSeed` (Keras's `keras.utils.set_random_seed`). */
export { setRandomSeed } from "./setRandomSeed";
