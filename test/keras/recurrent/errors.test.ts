import { before, test } from "node:test";
import assert from "node:assert/strict";
import { GRU, LSTM, SimpleRNN } from "../../../src/keras/layers/recurrent";
import { backendReady } from "./helpers";

before(backendReady);

test("units must be a positive integer", () => {
  assert.throws(() => LSTM(0), {
    name: "ValueError",
    message: "LSTM: units must be a positive integer; got 0",
  });
  assert.throws(() => GRU(2.5), { message: "GRU: units must be a positive integer; got 2.5" });
  assert.throws(() => SimpleRNN("8" as unknown as number), {
    message: "SimpleRNN: units must be a positive integer; got 8",
  });
});

test("an unknown activation names the layer, the valid names and the closest one", () => {
  assert.throws(() => LSTM(4, { activation: "tanhh" }), {
    name: "ValueError",
    message:
      /^LSTM: unknown activation "tanhh"; valid activation names: .*"tanh".*; did you mean "tanh"\?$/,
  });
  assert.throws(() => GRU(4, { recurrentActivation: "sigmod" }), {
    message: /^GRU: unknown activation "sigmod".*did you mean "sigmoid"\?$/,
  });
});

test("unknown or snake_case options are named with the camelCase spelling", () => {
  assert.throws(() => LSTM(4, { return_sequences: true } as never), {
    message: 'LSTM: unknown option "return_sequences"; did you mean "returnSequences"?',
  });
  assert.throws(() => SimpleRNN(4, { resetAfter: true } as never), {
    message: /^SimpleRNN: unknown option "resetAfter"/,
  });
});

test("bad rates, shapes, flags and initializers", () => {
  assert.throws(() => GRU(4, { dropout: 1 }), {
    message: "GRU: dropout must be a number in [0, 1); got 1",
  });
  assert.throws(() => LSTM(4, { recurrentDropout: -0.1 }), {
    message: "LSTM: recurrentDropout must be a number in [0, 1); got -0.1",
  });
  assert.throws(() => LSTM(4, { inputShape: [8] }), {
    message: "LSTM: inputShape must be [timesteps, features] such as [10, 8]; got [8]",
  });
  assert.throws(() => GRU(4, { resetAfter: "yes" as never }), {
    message: 'GRU: resetAfter must be true or false; got "yes"',
  });
  assert.throws(() => SimpleRNN(4, { kernelInitializer: "glorot" }), {
    message:
      /^SimpleRNN: unknown kernelInitializer "glorot"; valid kernelInitializer names: .*"glorot_uniform"/,
  });
  assert.throws(() => LSTM(4, { kernelRegularizer: "l3" as never }), {
    message: /^LSTM: unknown regularizer "l3"/,
  });
});
