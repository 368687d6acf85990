/**
 * The README's "Keras in TypeScript" code blocks, run as written (imports from "tslab-ml" go to
 * this package) and type-checked against the package's sources.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as keras from "../../src/keras";
import { tempDir } from "../helpers";
import { readmeBlocks as sectionBlocks, runBlock as run, typeErrors } from "../readme";
import { backendReady } from "./setup";

before(backendReady);

const readmeBlocks = () => sectionBlocks("## Keras in TypeScript");

test("README: the Sequential / fit / EarlyStopping / save / loadModel example runs", async (t) => {
  const [example] = readmeBlocks();
  const cwd = process.cwd();
  process.chdir(tempDir("readme"));
  t.after(() => process.chdir(cwd));
  t.mock.method(console, "log", () => undefined);
  const out = await run(example, ["model", "again", "history"]);
  const model = out.model as keras.KerasModel;
  const again = out.again as keras.KerasModel;
  const history = out.history as keras.History;
  assert.ok(history.history.val_accuracy.length >= 1);
  assert.deepEqual(Object.keys(history.history), ["accuracy", "loss", "val_accuracy", "val_loss"]);
  assert.equal(again.countParams(), model.countParams());
  assert.equal(model.countParams(), 8 * 16 + 16 + 16 + 1);
  assert.ok(fs.statSync(path.join("models", "clf.keras")).isFile());
  assert.deepEqual(
    again.getWeights().map((w) => Array.from(w.dataSync())),
    model.getWeights().map((w) => Array.from(w.dataSync())),
  );
});

test("README: the custom layer example (subclass of tf.layers.Layer) runs and counts 7 params", async () => {
  const blocks = readmeBlocks();
  assert.equal(blocks.length, 2);
  const { scaled } = await run(blocks[1], ["scaled"]);
  const model = scaled as keras.SequentialModel;
  assert.equal(model.countParams(), 7);
  assert.equal(model.layers[0].getClassName(), "Scale");
  model.compile({ optimizer: "sgd", loss: "mse" });
  const h = await model.fit([[1, 2, 3]], [1], { epochs: 1, verbose: 0 });
  assert.equal(h.history.loss.length, 1);
});

test("README: the Keras examples type-check against the package", () => {
  assert.deepEqual(typeErrors(readmeBlocks()), []);
});
