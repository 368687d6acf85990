import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { tempDir } from "../helpers";

/** tslab's own compiler (TypeScript 5.0.4), as the kernel uses it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");

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
  assert.equal(ts.version, "5.0.4");
  const dir = tempDir("keras-typecheck");
  let root = __dirname;
  while (!fs.existsSync(path.join(root, "package.json"))) root = path.dirname(root);
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "tslab-ml"), "dir");
  const file = path.join(dir, "cell.ts");
  fs.writeFileSync(file, CELL);
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    esModuleInterop: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  });
  const ours = ts
    .getPreEmitDiagnostics(program)
    .filter(
      (d) => !d.file || d.file.fileName === file || /dist\/src\/keras\//.test(d.file.fileName),
    )
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(ours, []);
});
