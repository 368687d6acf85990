/**
 * `GRU(units, options)`: a gated recurrent unit layer with Keras 3's defaults.
 *
 * Behaviour: with the default `resetAfter: true` (Keras 3, cuDNN-compatible) the reset gate
 * multiplies the recurrent projection: `h̃ = tanh(x·W_h + b_in,h + r ⊙ (h·U_h + b_rec,h))`,
 * `h' = z ⊙ h + (1 − z) ⊙ h̃`, gates in Keras's order z, r, h; weights kernel
 * `[features, 3·units]`, recurrent_kernel `[units, 3·units]`, bias `[2, 3·units]` (input and
 * recurrent bias). Parameters: `3 · (features · units + units · units + 2 · units)`.
 * `resetAfter: false` gives the original GRU (tfjs's layer, reset gate before the product, bias
 * `[3·units]`, `3 · (features · units + units · units + units)` parameters). tfjs alone has
 * hardSigmoid gates and no `resetAfter: true`; here the gates default to "sigmoid".
 *
 * Options (defaults): all of `SimpleRNN`'s (`activation` "tanh", `kernelInitializer`
 * "glorot_uniform", `recurrentInitializer` "orthogonal", `biasInitializer` "zeros", regularizers,
 * `dropout`, `recurrentDropout`, `returnSequences`, `returnState`, `goBackwards`, `stateful`,
 * `inputShape`, `name` "gru", "gru_1"…), plus `recurrentActivation` ("sigmoid") and `resetAfter`
 * (true).
 *
 * @example
 * const model = Sequential([Input({ shape: [10, 8] }), GRU(32)]);
 * model.countParams(); // 4032
 */
import * as tf from "@tensorflow/tfjs";
import { resolveActivation } from "../../activations";
import { ResetAfterGRU } from "./gruLayer";
import { recurrentArgs, type RecurrentOptions } from "./options";
import { ValueError, describe } from "../../../validation/errors";

/** Options of `GRU`. */
export interface GRUOptions extends RecurrentOptions {
  /** Activation of the update and reset gates; default "sigmoid". */
  recurrentActivation?: string | null;
  /** Apply the reset gate after the recurrent product (Keras 3 default); default true. */
  resetAfter?: boolean;
}

/** A GRU layer (see the module doc). */
export function GRU(units: number, options: GRUOptions = {}): tf.layers.Layer {
  const args = recurrentArgs("GRU", "gru", units, options, ["recurrentActivation", "resetAfter"]);
  const resetAfter = options.resetAfter ?? true;
  if (typeof resetAfter !== "boolean") {
    throw new ValueError(`GRU: resetAfter must be true or false; got ${describe(resetAfter)}`);
  }
  const recurrentActivation = resolveActivation(
    options.recurrentActivation === undefined ? "sigmoid" : options.recurrentActivation,
    "GRU",
  );
  const full = { ...args, recurrentActivation } as unknown as Parameters<typeof tf.layers.gru>[0];
  return resetAfter ? new ResetAfterGRU(full) : tf.layers.gru(full);
}
