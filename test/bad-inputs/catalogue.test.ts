/**
 * Every case of the bad-input catalogue (cases.ts), run in-process: the cell must fail with the
 * catalogued error name and a message matching its pattern. The cells also type-check as tslab
 * would check them in a notebook, so the kernel reaches the same runtime error.
 */
import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as keras from "../../src/keras";
import { optimizerFromConfig } from "../../src/keras/optimizers";
import { getLearningRate } from "../../src/keras/optimizers/learningRate";
import { backendReady } from "../keras/setup";
import { tempDir } from "../helpers";
import { tslabTypeCheck } from "../tslabTypecheck";
import { CASES, FILES, PRELUDE, type Area } from "./cases";
import { PUBLIC_NAMES, runCell } from "./run";

before(async () => {
  await backendReady();
  const dir = tempDir("bad-inputs");
  for (const [file, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, file), text);
  process.chdir(dir); // relative paths as in a notebook's folder
});
beforeEach(() => keras.backend.clearSession());

test("the catalogue: 30+ cases with unique ids, every area, 10+ through the kernel", () => {
  assert.ok(CASES.length >= 30, `${CASES.length} cases`);
  assert.equal(new Set(CASES.map((c) => c.id)).size, CASES.length, "ids are unique");
  const areas: Area[] = ["data", "preprocessing", "metrics", "keras", "display", "kernel"];
  for (const a of areas)
    assert.ok(
      CASES.some((c) => c.area === a),
      `no case for ${a}`,
    );
  assert.ok(CASES.filter((c) => c.kernel).length >= 10);
  for (const c of CASES) {
    assert.ok(c.message.source.startsWith("^"), `${c.id}: the pattern is anchored at the start`);
    assert.ok(!c.kernelOnly || c.kernel, `${c.id}: a kernel-only case runs in the kernel`);
  }
});

for (const c of CASES.filter((k) => !k.kernelOnly)) {
  test(`${c.area}: ${c.id}`, async (t) => {
    t.mock.method(console, "log", () => {}); // figures and progress lines of a cell
    await assert.rejects(
      () => runCell(c.code),
      (e: unknown) => {
        assert.ok(e instanceof Error, `${c.id}: threw ${String(e)}`);
        assert.equal(e.name, c.name, `${c.id}: ${e.name}: ${e.message}`);
        assert.match(e.message, c.message, c.id);
        return true;
      },
    );
  });
}

test("every cell type-checks with tslab's TypeScript, except the kernel-only type errors", () => {
  const cells = CASES.filter((c) => !c.kernelOnly).map(
    (c, i) => `export async function case${i}() {\n${c.code}\n}`,
  );
  const file = [`import { ${PUBLIC_NAMES.join(", ")} } from "tslab-ml";`, PRELUDE, ...cells].join(
    "\n",
  );
  assert.deepEqual(tslabTypeCheck(file, /dist\/src\//).errors, []);
});

const X = [
  [0, 1],
  [1, 0],
  [1, 1],
  [0, 0],
  [2, 1],
  [1, 2],
  [2, 2],
  [0, 2],
];
const Y = [1, 1, 2, 0, 3, 3, 4, 2];
function regressor(): keras.SequentialModel {
  const model = keras.Sequential([keras.Input({ shape: [2] }), keras.layers.Dense(1)]);
  model.compile({ optimizer: "adam", loss: "mse" });
  return model;
}
const weightsOf = (m: keras.KerasModel) =>
  JSON.stringify(m.getWeights().map((w) => Array.from(w.dataSync())));

test("validationSplit 0 is allowed, as in Keras: no validation rows, no val_loss", async () => {
  const history = await regressor().fit(X, Y, { validationSplit: 0, epochs: 2, verbose: 0 });
  assert.deepEqual(Object.keys(history.history), ["loss"]);
  assert.equal(history.history.loss.length, 2);
});

test("fit refuses NaN before the first step: no batch runs and the weights stay", async () => {
  const model = regressor();
  const before = weightsOf(model);
  let batches = 0;
  const options = { verbose: 0 as const, callbacks: [{ onBatchEnd: () => void batches++ }] };
  await assert.rejects(
    model.fit(
      [
        [0, 1],
        [NaN, 1],
      ],
      [1, 2],
      options,
    ),
    /fit: x contains 1 NaN/,
  );
  assert.equal(batches, 0);
  assert.equal(weightsOf(model), before);
  await model.fit(
    [
      [0, 1],
      [1, 1],
    ],
    [1, 2],
    options,
  );
  assert.equal(batches, 1, "finite data trains");
  assert.notEqual(weightsOf(model), before);
});

test("a saved optimizer config still loads with keys the factory does not take", () => {
  // Only what the user types is checked strictly: saved tfjs configs carry decay, centered…
  const saved = { learningRate: 0.01, decay: 0, centered: false, momentum: 0, epsilon: 1e-7 };
  const opt = optimizerFromConfig({ name: "rmsprop", config: saved }, "loadModel");
  assert.equal(getLearningRate(opt), 0.01);
  assert.throws(() => keras.optimizers.RMSprop(saved), {
    name: "ValueError",
    message: /^RMSprop: unknown option "decay" \(options: learningRate, rho, momentum, epsilon\)$/,
  });
});
