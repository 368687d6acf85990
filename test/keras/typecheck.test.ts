import { test } from "node:test";
import assert from "node:assert/strict";
import { tslabTypeCheck } from "../tslabTypecheck";

const CELL = `
import { keras, tf } from "tslab-ml";
const { Sequential, Input } = keras;
const { Dense, Dropout } = keras.layers;
export async function cell(xTrain: tf.Tensor, yTrain: number[], nfeatures: number) {
  keras.backend.clearSession();
  const model = Sequential([Input({ shape: [nfeatures] }), Dense(32, { activation: "relu" }), Dropout(0.3), Dense(1, { activation: "sigmoid" })]);
  model.summary();
  model.compile({ optimizer: keras.optimizers.Adam({ learningRate: 0.01 }), loss: "binary_crossentropy", metrics: ["accuracy"] });
  const history = await model.fit(xTrain, yTrain, { epochs: 50, validationSplit: 0.2, callbacks: [{ onEpochEnd: (e: number) => e }] });
  const curves: Record<string, number[]> = history.history;
  const pred = model.predict(xTrain).arraySync();
  const score = model.evaluate(xTrain, yTrain);
  await model.save("models/clf");
  const again = await keras.models.loadModel("models/clf");
  const a = Input({ shape: [3] });
  const b = Input({ shape: [2] });
  const out = Dense(1).apply(keras.layers.concatenate([a, b])) as tf.SymbolicTensor;
  const f = keras.Model({ inputs: [a, b], outputs: out });
  return [curves, pred, score, again.name, f.countParams(), model.tfModel.name];
}
`;

test("a Keras-style notebook cell type-checks with tslab's TypeScript 5.0.4", () => {
  assert.deepEqual(tslabTypeCheck(CELL, /dist\/src\/keras\//).errors, []);
});
