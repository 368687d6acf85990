/**
 * Memory over a long notebook session, through the real kernel:
 * - re-running a cell that builds, compiles and fits a model (and makes its data tensors) ten
 *   times, without `clearSession()`: tensors and bytes after run 10 equal those after run 1,
 *   because the kernel frees what a re-run replaced (kernel/releaseReplaced.ts);
 * - a course-like session (MNIST MLP, an LSTM, a Functional model, save / load) stays under
 *   1.5 GB of RSS, ends within 256 MB of where it started, and `keras.backend.clearSession()`
 *   frees every model's weights and optimizer state (the data tensors the notebook still names
 *   stay, as NumPy arrays do after Keras's `clear_session()`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { runNotebooks } from "../../kernel/lessons";
import { notebook, tempDir, tempJupyterPath, testPython } from "../helpers";

const MODEL_CELL = [
  'const model = keras.Sequential([keras.Input({ shape: [8] }), keras.layers.Dense(32, { activation: "relu" }), keras.layers.Dropout(0.2), keras.layers.Dense(1)]);',
  'model.compile({ optimizer: "adam", loss: "mse", metrics: ["mae"] });',
  "const x = tf.randomNormal([128, 8]);",
  "const y = tf.randomNormal([128, 1]);",
  "const history = await model.fit(x, y, { epochs: 2, validationSplit: 0.25, verbose: 0 });",
].join("\n");
const RECORD = 'runs.push(tf.memory().numTensors + "/" + tf.memory().numBytes);';

const SESSION = [
  `const mnist = datasets.mnist();
const mx = mnist.xTrain.slice([0, 0, 0], [3000, -1, -1]).reshape([3000, 784]).div(255);
const my = toCategorical(mnist.yTrain.slice(0, 3000), 10);
const mlp = keras.Sequential([keras.Input({ shape: [784] }), keras.layers.Dense(256, { activation: "relu" }), keras.layers.Dense(256, { activation: "relu" }), keras.layers.Dense(10, { activation: "softmax" })]);
mlp.compile({ optimizer: "adam", loss: "categorical_crossentropy", metrics: ["accuracy"] });
await mlp.fit(mx, my, { epochs: 3, batchSize: 128, validationSplit: 0.2, verbose: 0 });
await mlp.save("mlp.keras");
const mlp2 = await keras.models.loadModel("mlp.keras");
(mlp2.predict(mx, { verbose: 0 }) as tf.Tensor).dispose();
peak.push(process.memoryUsage().rss);`,
  `const seq = tf.randomNormal([500, 20, 4]);
const target = tf.randomNormal([500, 1]);
const rnn = keras.Sequential([keras.Input({ shape: [20, 4] }), keras.layers.LSTM(16, { returnSequences: true }), keras.layers.GRU(8), keras.layers.Dense(1)]);
rnn.compile({ optimizer: "adam", loss: "mse" });
await rnn.fit(seq, target, { epochs: 3, verbose: 0 });
const a = keras.Input({ shape: [3] });
const b = keras.Input({ shape: [2] });
const fn = keras.Model({ inputs: [a, b], outputs: keras.layers.Dense(1).apply(keras.layers.concatenate([keras.layers.Dense(4).apply(a) as tf.SymbolicTensor, b])) as tf.SymbolicTensor });
fn.compile({ optimizer: "adam", loss: "mse" });
await fn.fit([tf.randomNormal([64, 3]), tf.randomNormal([64, 2])], tf.randomNormal([64, 1]), { epochs: 2, verbose: 0 });
peak.push(process.memoryUsage().rss);`,
  `const held = tf.memory().numBytes;
const weightBytes = 4 * (mlp.countParams() + mlp2.countParams() + rnn.countParams() + fn.countParams());
keras.backend.clearSession();
const freed = held - tf.memory().numBytes;
console.log("MEM " + JSON.stringify({ start: start, peak: peak, end: process.memoryUsage().rss, freed: freed, weightBytes: weightBytes, models: keras.backend.memoryReport().models }));`,
];

test(
  "re-running a model cell 10 times holds one model; a course session stays under 1.5 GB",
  { timeout: 600_000 },
  () => {
    const dir = tempDir("memory");
    const cells = [
      'import { tf, keras, datasets, toCategorical } from "tslab-ml";\nconst runs: string[] = [];\nconst peak: number[] = [];',
      ...Array.from({ length: 10 }, () => [MODEL_CELL, RECORD]).flat(),
      'console.log("RUNS " + JSON.stringify(runs));',
      "keras.backend.clearSession();\nconst start = process.memoryUsage().rss;\nconst bytesStart = tf.memory().numBytes;",
      ...SESSION,
    ];
    const file = path.join(dir, "memory.ipynb");
    fs.writeFileSync(file, JSON.stringify(notebook(cells)));
    const [result] = runNotebooks([file], path.join(dir, "out"), tempJupyterPath(), testPython());
    assert.deepEqual(result.errors, []);
    const executed = JSON.parse(fs.readFileSync(path.join(dir, "out", "memory.ipynb"), "utf8"));
    const text = executed.cells
      .flatMap((c: { outputs?: { text?: string | string[] }[] }) => c.outputs ?? [])
      .map((o: { text?: string | string[] }) => [o.text ?? ""].flat().join(""))
      .join("");
    const runs = JSON.parse(/RUNS (.*)/.exec(text)?.[1] ?? "null") as string[];
    assert.equal(runs.length, 10);
    assert.equal(runs[9], runs[0], `tensors/bytes per run: ${runs.join(", ")}`);
    const mem = JSON.parse(/MEM (.*)/.exec(text)?.[1] ?? "null") as {
      start: number;
      peak: number[];
      end: number;
      freed: number;
      weightBytes: number;
      models: number;
    };
    const mb = (v: number) => Math.round(v / 2 ** 20);
    console.log(
      `memory: RSS ${mb(mem.start)} MB at start, ${mem.peak.map(mb).join(" / ")} MB after the parts, ` +
        `${mb(mem.end)} MB after clearSession(), which freed ${mb(mem.freed)} MB of tensors ` +
        `(weights alone ${mb(mem.weightBytes)} MB)`,
    );
    assert.ok(Math.max(...mem.peak, mem.end) < 1.5 * 2 ** 30, "RSS under 1.5 GB");
    assert.ok(mem.end - mem.start < 256 * 2 ** 20, "RSS ends near where the session started");
    assert.ok(mem.freed >= mem.weightBytes, "clearSession() frees the models' weights and more");
    assert.equal(mem.models, 0);
  },
);
