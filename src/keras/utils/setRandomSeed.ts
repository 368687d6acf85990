/**
 * `keras.utils.setRandomSeed(seed)`: make a notebook's random choices repeat, run after run.
 *
 * Behaviour: as Keras's `set_random_seed` seeds Python's `random`, numpy and the backend at
 * once, this replaces `Math.random` with a generator seeded by `seed` (the sfc32 generator of
 * `RandomState`). Everything random that is given no seed of its own draws from it: TensorFlow.js
 * takes a seed from `Math.random` for each weight initializer, dropout mask and `tf.random…` op,
 * `fit` shuffles its rows with it, and `trainTestSplit` without `randomState` picks its seed from
 * it. So the same cells run in the same order after `setRandomSeed(42)` build the same weights
 * and train to the same numbers, on the same backend (wasm and the native backend round
 * differently, so their numbers differ from each other). Calling it again with the same seed
 * starts the same sequence again. Display ids and file names use `crypto`, not `Math.random`, so
 * they stay unique.
 *
 * Options: none. `seed` is an integer in [0, 2**32 - 1]; anything else is a `ValueError`.
 *
 * @example
 * keras.utils.setRandomSeed(42);
 * const a = keras.layers.Dense(4);
 * keras.utils.setRandomSeed(42);
 * const b = keras.layers.Dense(4); // after building, the same initial kernel as `a`
 */
import { RandomState, checkSeed } from "../../data/random";

/** Seeds every unseeded random draw from here on (see the module doc). */
export function setRandomSeed(seed: number): void {
  const state = new RandomState(checkSeed("setRandomSeed", seed, "seed", true));
  Math.random = () => state.random();
}
