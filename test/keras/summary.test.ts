import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as keras from "../../src/keras";
import { summaryHtml, summaryText } from "../../src/keras/engine/summary";
import { backendReady, matrix } from "./setup";

const { Sequential, Input } = keras;
const { Dense } = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

const X = matrix(8, 3, 5);
const Y = X.map((r) => r[0] - r[1]);

/** Dense(4) + Dense(1) on 3 features: 16 + 5 = 21 trainable parameters. */
function small(): keras.SequentialModel {
  return Sequential([Input({ shape: [3] }), Dense(4), Dense(1)]);
}

/**
 * Keras 3: Optimizer params = count_params(optimizer.variables) = iteration (int64, 8 B) +
 * learning_rate (float32, 4 B) + k float32 slots per trainable parameter; Total includes them.
 */
const kerasOptimizer = (k: number, trainable: number) => ({
  params: 2 + k * trainable,
  bytes: 12 + 4 * k * trainable,
});

async function summaryAfterFit(optimizer: string | ReturnType<typeof keras.optimizers.SGD>) {
  const model = small();
  model.compile({ optimizer, loss: "mse" });
  const before = summaryText(model);
  await model.fit(X, Y, { epochs: 1, batchSize: 4, verbose: 0 });
  return { before, after: summaryText(model), model };
}

test("summary after fit with Adam: Optimizer params (2 slots per weight + 2) counted in Total", async () => {
  const { before, after, model } = await summaryAfterFit("adam");
  assert.ok(
    !before.includes("Optimizer params"),
    "no optimizer line before the optimizer is built",
  );
  assert.ok(
    before.endsWith(
      " Total params: 21 (84.00 B)\n Trainable params: 21 (84.00 B)\n Non-trainable params: 0 (0.00 B)",
    ),
  );
  const opt = kerasOptimizer(2, 21);
  assert.deepEqual(opt, { params: 44, bytes: 180 });
  const tail = after.split("\n").slice(-4);
  assert.deepEqual(tail, [
    " Total params: 65 (264.00 B)",
    " Trainable params: 21 (84.00 B)",
    " Non-trainable params: 0 (0.00 B)",
    " Optimizer params: 44 (180.00 B)",
  ]);
  // tfjs's own Adam state: the iteration counter and the m and v slots of each weight.
  const weights = await model.optimizer.getWeights();
  assert.equal(weights.length, 1 + 2 * model.tfModel.trainableWeights.length);
  assert.match(summaryHtml(model), /<b>Optimizer params:<\/b> 44 \(180\.00 B\)/);
});

test("summary after fit with SGD: only iteration and learning_rate (2 params, 12 B)", async () => {
  const { after } = await summaryAfterFit("sgd");
  assert.deepEqual(after.split("\n").slice(-4), [
    " Total params: 23 (96.00 B)",
    " Trainable params: 21 (84.00 B)",
    " Non-trainable params: 0 (0.00 B)",
    " Optimizer params: 2 (12.00 B)",
  ]);
  const momentum = await summaryAfterFit(keras.optimizers.SGD({ momentum: 0.9 }));
  assert.match(momentum.after, / Optimizer params: 23 \(96\.00 B\)$/);
});

test("RMSprop without momentum has one slot in Keras (tfjs keeps two); frozen weights get none", async () => {
  const { after } = await summaryAfterFit("rmsprop");
  const { params, bytes } = kerasOptimizer(1, 21);
  assert.match(after, new RegExp(` Optimizer params: ${params} \\(${bytes}\\.00 B\\)$`));
  const model = small();
  model.layers[0].trainable = false;
  model.compile({ optimizer: "adam", loss: "mse" });
  await model.fit(X, Y, { epochs: 1, verbose: 0 });
  assert.deepEqual(summaryText(model).split("\n").slice(-4), [
    " Total params: 33 (136.00 B)",
    " Trainable params: 5 (20.00 B)",
    " Non-trainable params: 16 (64.00 B)",
    " Optimizer params: 12 (52.00 B)",
  ]);
});
