/**
 * `LSTM(units, options)`: a long short-term memory layer with Keras's defaults.
 *
 * Behaviour: per timestep `z = x · kernel + h · recurrent_kernel + bias` is split into the gates
 * i, f, c, o (Keras's order); `i, f, o = recurrentActivation(…)`, `c = f ⊙ c + i ⊙ tanh(z_c)`,
 * `h = o ⊙ tanh(c)`. Output `[batch, units]`, `[batch, timesteps, units]` with
 * `returnSequences`, and `[output, h, c]` with `returnState`. Weights as Keras: kernel
 * `[features, 4·units]`, recurrent_kernel `[units, 4·units]`, bias `[4·units]`; with
 * `unitForgetBias` the forget-gate slice of the bias starts at 1. Parameters:
 * `4 · (features · units + units · units + units)`. Unlike tfjs (hardSigmoid, no forget bias,
 * glorotNormal), the defaults are Keras's.
 *
 * Options (defaults): all of `SimpleRNN`'s (`activation` "tanh", `kernelInitializer`
 * "glorot_uniform", `recurrentInitializer` "orthogonal", `dropout`, `returnSequences`…), plus
 * `recurrentActivation` ("sigmoid"; "hard_sigmoid" is Keras 3's `relu6(x + 3) / 6`) and
 * `unitForgetBias` (true). Named "lstm", "lstm_1"…
 *
 * @example
 * const model = Sequential([Input({ shape: [10, 8] }), LSTM(32)]);
 * model.countParams(); // 5248
 */
import * as tf from "@tensorflow/tfjs";
import { resolveActivation } from "../../activations";
import { recurrentArgs, type RecurrentOptions } from "./options";
import { ValueError, describe } from "../../../validation/errors";
import { KerasLSTM } from "./fusedLayers";

/** Options of `LSTM`. */
export interface LSTMOptions extends RecurrentOptions {
  /** Activation of the gates; default "sigmoid". */
  recurrentActivation?: string | null;
  /** Start the forget-gate bias at 1; default true. */
  unitForgetBias?: boolean;
}

/** An LSTM layer (see the module doc). */
export function LSTM(units: number, options: LSTMOptions = {}): tf.layers.Layer {
  const args = recurrentArgs("LSTM", "lstm", units, options, [
    "recurrentActivation",
    "unitForgetBias",
  ]);
  const unitForgetBias = options.unitForgetBias ?? true;
  if (typeof unitForgetBias !== "boolean") {
    throw new ValueError(
      `LSTM: unitForgetBias must be true or false; got ${describe(unitForgetBias)}`,
    );
  }
  const recurrentActivation = resolveActivation(
    options.recurrentActivation === undefined ? "sigmoid" : options.recurrentActivation,
    "LSTM",
  );
  return new KerasLSTM({
    ...args,
    recurrentActivation,
    unitForgetBias,
  } as unknown as Parameters<typeof tf.layers.lstm>[0]);
}
