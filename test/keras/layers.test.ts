import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { summaryHtml, summaryText, wrapCell } from "../../src/keras/engine/summary";
import { backendReady } from "./setup";

const { Sequential, Input, Model } = keras;
const { Dense, Dropout, Flatten, Activation, BatchNormalization, concatenate } = keras.layers;

before(backendReady);
beforeEach(() => keras.backend.clearSession());

/** Keras's Dense parameter count. */
const denseParams = (inp: number, units: number) => inp * units + units;

test("Sequential with Input: Keras names, parameter counts and the Keras 3 summary", () => {
  const model = Sequential([
    Input({ shape: [8] }),
    Dense(32, { activation: "relu" }),
    Dropout(0.3),
    Dense(1, { activation: "sigmoid" }),
  ]);
  assert.equal(model.name, "sequential");
  assert.deepEqual(
    model.layers.map((l) => l.name),
    ["dense", "dropout", "dense_1"],
  );
  const total = denseParams(8, 32) + denseParams(32, 1);
  assert.equal(model.countParams(), total);
  const text = summaryText(model);
  const lines = text.split("\n");
  assert.equal(lines[0], 'Model: "sequential"');
  assert.match(lines[2], /^┃ Layer \(type\) +┃ Output Shape +┃ +Param # ┃$/);
  assert.match(text, /│ dense \(Dense\) +│ \(None, 32\) +│ +288 │/);
  assert.match(text, /│ dropout \(Dropout\) +│ \(None, 32\) +│ +0 │/);
  assert.match(text, /│ dense_1 \(Dense\) +│ \(None, 1\) +│ +33 │/);
  assert.ok(!text.includes("InputLayer"), "no InputLayer row in a Sequential summary");
  assert.ok(text.includes(` Total params: ${total} (${((total * 4) / 1024).toFixed(2)} KB)`));
  assert.ok(text.includes(` Trainable params: ${total} (1.25 KB)`));
  assert.ok(text.includes(" Non-trainable params: 0 (0.00 B)"));
  const second = Sequential([Input({ shape: [2] }), Dense(1)]);
  assert.equal(second.name, "sequential_1");
  assert.equal(second.layers[0].name, "dense_2");
});

test("summary totals use thousands separators; 1,153 params are 4.50 KB", () => {
  const model = Sequential([Input({ shape: [10] }), Dense(64), Dense(16), Dense(1)]);
  const total = denseParams(10, 64) + denseParams(64, 16) + denseParams(16, 1);
  assert.equal(total, 1761);
  assert.ok(summaryText(model).includes(" Total params: 1,761 (6.88 KB)"));
  const k = Sequential([Input({ shape: [8] }), Dense(128), Dense(1)]);
  assert.equal(k.countParams(), 8 * 128 + 128 + 129);
  assert.ok(summaryText(k).includes(" Total params: 1,281 (5.00 KB)"));
});

test("BatchNormalization has 4 parameters per feature, 2 of them non-trainable", () => {
  const model = Sequential([Input({ shape: [5] }), Dense(6), BatchNormalization()]);
  assert.equal(model.countParams(), denseParams(5, 6) + 4 * 6);
  const text = summaryText(model);
  assert.ok(text.includes(` Trainable params: ${denseParams(5, 6) + 12} `));
  assert.ok(text.includes(" Non-trainable params: 12 (48.00 B)"));
  // Keras wraps a cell at spaces to the column width (31 for the layer column).
  assert.match(
    text,
    /│ batch_normalization +│ \(None, 6\) +│ +24 │\n│ \(BatchNormalization\) +│ +│ +│/,
  );
  const flat = Sequential([Input({ shape: [4, 3] }), Flatten(), Dense(2)]);
  assert.equal(flat.countParams(), denseParams(12, 2));
  assert.match(summaryText(flat), /│ flatten \(Flatten\) +│ \(None, 12\) +│ +0 │/);
});

test("functional multi-input model: InputLayer rows and a Connected to column", () => {
  const a = Input({ shape: [3] });
  const b = Input({ shape: [2] });
  const merged = concatenate([a, b]);
  const out = Dense(1).apply(Dense(4, { activation: "relu" }).apply(merged)) as tf.SymbolicTensor;
  const model = Model({ inputs: [a, b], outputs: out });
  assert.equal(model.name, "functional");
  assert.equal(model.countParams(), denseParams(5, 4) + denseParams(4, 1));
  const text = summaryText(model);
  const lines = text.split("\n");
  // Keras 3 in a notebook: columns of 19, 17, 10 and 17 characters; cells wrap at spaces.
  assert.equal(
    lines[2],
    "┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃",
  );
  assert.ok(
    lines.includes("│ input_layer         │ (None, 3)         │          0 │ -                 │"),
  );
  assert.ok(
    lines.includes("│ (InputLayer)        │                   │            │                   │"),
  );
  // "input_layer[0][0], input_layer_1[0][0]": each word is longer than 17, so rich cuts it with "…".
  assert.ok(
    lines.includes("│ concatenate         │ (None, 5)         │          0 │ input_layer[0][0… │"),
  );
  assert.ok(
    lines.includes("│ (Concatenate)       │                   │            │ input_layer_1[0]… │"),
  );
  // Dense(1) was created first, so it is "dense" and the hidden Dense(4) is "dense_1".
  assert.ok(
    lines.includes("│ dense_1 (Dense)     │ (None, 4)         │         24 │ concatenate[0][0] │"),
  );
  assert.ok(
    lines.includes("│ dense (Dense)       │ (None, 1)         │          5 │ dense_1[0][0]     │"),
  );
  assert.match(
    summaryHtml(model),
    /<td style="text-align:left">input_layer\[0\]\[0\], input_layer_1\[0\]\[0\]<\/td>/,
  );
});

test('"Connected to" lists inbounds as name[node][tensor] separated by ", ", wrapped at spaces', () => {
  const a = Input({ shape: [3] });
  const merged = concatenate([
    Dense(2).apply(a) as tf.SymbolicTensor,
    Dense(2).apply(a) as tf.SymbolicTensor,
  ]);
  const model = Model({ inputs: a, outputs: Dense(1).apply(merged) as tf.SymbolicTensor });
  const lines = summaryText(model).split("\n");
  // Keras: get_connections gives "dense[0][0], dense_1[0][0]"; rich wraps it after the comma.
  const at = lines.findIndex((l) => l.startsWith("│ concatenate "));
  assert.equal(
    lines[at],
    "│ concatenate         │ (None, 4)         │          0 │ dense[0][0],      │",
  );
  assert.equal(
    lines[at + 1],
    "│ (Concatenate)       │                   │            │ dense_1[0][0]     │",
  );
  assert.ok(
    lines.includes("│ dense (Dense)       │ (None, 2)         │          8 │ input_layer[0][0] │"),
  );
  // A shared layer: one row, its two calls are nodes 0 and 1.
  const x = Input({ shape: [2] });
  const y = Input({ shape: [2] });
  const shared = Dense(2, { name: "shared" });
  const both = concatenate([
    shared.apply(x) as tf.SymbolicTensor,
    shared.apply(y) as tf.SymbolicTensor,
  ]);
  const sharedModel = Model({ inputs: [x, y], outputs: both });
  const text = summaryText(sharedModel);
  assert.match(
    text,
    /│ concatenate_1 +│ \(None, 4\) +│ +0 │ shared\[0\]\[0\], +│\n│ \(Concatenate\) +│ +│ +│ shared\[1\]\[0\] +│/,
  );
  assert.equal(text.match(/│ shared \(Dense\)/g)?.length, 1);
  assert.deepEqual(wrapCell("dense[0][0], dense_1[0][0]", 30), ["dense[0][0], dense_1[0][0]"]);
  assert.deepEqual(wrapCell("a_very_long_layer_name[0][0]", 10), ["a_very_lo…"]);
});

test("a functional chain is sequential-like: no Connected to column, InputLayer row kept", () => {
  const inp = Input({ shape: [4] });
  const out = Dense(1).apply(Dense(3).apply(inp)) as tf.SymbolicTensor;
  const text = summaryText(Model({ inputs: inp, outputs: out }));
  const lines = text.split("\n");
  assert.match(lines[2], /^┃ Layer \(type\) +┃ Output Shape +┃ +Param # ┃$/);
  assert.equal(
    lines[4],
    "│ input_layer (InputLayer)        │ (None, 4)              │             0 │",
  );
  assert.ok(!text.includes("Connected to"));
});

test("Dense defaults to glorotUniform kernels and zero bias, as Keras", () => {
  const layer = Dense(3);
  const config = layer.getConfig() as Record<string, { className: string; config: object }>;
  assert.equal(config.kernelInitializer.className, "VarianceScaling");
  assert.deepEqual(config.kernelInitializer.config, {
    scale: 1,
    mode: "fanAvg",
    distribution: "uniform",
    seed: null,
  });
  assert.equal(config.biasInitializer.className, "Zeros");
  const model = Sequential([Input({ shape: [200] }), layer]);
  const [kernel, bias] = model.getWeights();
  const limit = Math.sqrt(6 / (200 + 3));
  const k = Array.from(kernel.dataSync());
  assert.ok(k.every((v) => Math.abs(v) <= limit));
  assert.ok(Math.max(...k.map(Math.abs)) > 0.9 * limit, "uniform spreads to the limit");
  assert.deepEqual(Array.from(bias.dataSync()), [0, 0, 0]);
  tf.dispose([kernel, bias]);
});

test("activations by Keras name compute the Keras formulas", () => {
  const x = [-2, -0.5, 0, 1, 4];
  const run = (name: string) => {
    const model = Sequential([Input({ shape: [5] }), Activation(name)]);
    const out = model.predict([x]);
    const v = Array.from(out.dataSync());
    out.dispose();
    return v;
  };
  const close = (a: number[], b: number[]) =>
    a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-5, `${v} vs ${b[i]}`));
  close(
    run("leaky_relu"),
    x.map((v) => (v > 0 ? v : 0.2 * v)),
  );
  close(
    run("hard_sigmoid"),
    x.map((v) => Math.min(Math.max(v / 6 + 0.5, 0), 1)),
  );
  close(
    run("relu"),
    x.map((v) => Math.max(v, 0)),
  );
  close(
    run("swish"),
    x.map((v) => v / (1 + Math.exp(-v))),
  );
  close(
    run("silu"),
    x.map((v) => v / (1 + Math.exp(-v))),
  );
  close(
    run("elu"),
    x.map((v) => (v > 0 ? v : Math.exp(v) - 1)),
  );
  close(
    run("softplus"),
    x.map((v) => Math.log(1 + Math.exp(v))),
  );
  close(
    run("hardSigmoid"),
    x.map((v) => Math.min(Math.max(v / 6 + 0.5, 0), 1)),
  );
});

test("an unknown activation lists the valid names and suggests the closest", () => {
  assert.throws(
    () => Dense(3, { activation: "reluu" }),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message.startsWith(
        'Dense: unknown activation "reluu"; valid activation names: "relu", "sigmoid"',
      ) &&
      e.message.endsWith('did you mean "relu"?'),
  );
  assert.throws(
    () => Activation("sigmod"),
    /Activation: unknown activation "sigmod".*did you mean "sigmoid"\?/,
  );
});

test("regularizers by name use the Keras factor 0.01", () => {
  const byName = Dense(2, { kernelRegularizer: "l2" }).getConfig() as Record<
    string,
    { config: Record<string, number> }
  >;
  assert.deepEqual(byName.kernelRegularizer.config, { l1: 0, l2: 0.01 });
  const l1 = Dense(2, { kernelRegularizer: "l1" }).getConfig() as Record<
    string,
    { config: Record<string, number> }
  >;
  assert.deepEqual(l1.kernelRegularizer.config, { l1: 0.01, l2: 0 });
  const obj = Dense(2, { kernelRegularizer: keras.regularizers.l2(0.5) }).getConfig() as Record<
    string,
    { config: Record<string, number> }
  >;
  assert.equal(obj.kernelRegularizer.config.l2, 0.5);
  assert.throws(
    () => Dense(2, { kernelRegularizer: "l3" as "l2" }),
    /Dense: unknown regularizer "l3"/,
  );
});

/** A custom layer written the supported way: subclass tf.layers.Layer. */
class Scale extends tf.layers.Layer {
  static className = "TestScale";
  private w!: tf.LayerVariable;
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as (number | null)[];
    this.w = this.addWeight(
      "w",
      [shape[shape.length - 1] as number],
      "float32",
      tf.initializers.ones(),
    );
    this.built = true;
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read());
  }
}
tf.serialization.registerClass(Scale);

test("custom layers (subclasses of tf.layers.Layer) work in Sequential", async () => {
  const model = Sequential([Input({ shape: [3] }), new Scale(), Dense(1)]);
  assert.equal(model.countParams(), 3 + denseParams(3, 1));
  assert.match(summaryText(model), /TestScale/);
  model.compile({ optimizer: "sgd", loss: "mse" });
  const h = await model.fit([[1, 2, 3]], [1], { epochs: 2, verbose: 0 });
  assert.equal(h.history.loss.length, 2);
});

test("raw tfjs layers in Sequential get Keras-style names; names given are kept", () => {
  const model = Sequential([
    Input({ shape: [3] }),
    new Scale(),
    tf.layers.dense({ units: 2 }),
    Dense(2),
    tf.layers.dense({ units: 1, name: "out" }),
  ]);
  // Dense(2) took "dense" when it was made; the tfjs layer is renamed when it is added
  assert.deepEqual(
    model.tfModel.layers.map((l) => l.name),
    ["test_scale", "dense_1", "dense", "out"],
  );
  keras.backend.clearSession();
  const again = Sequential([Input({ shape: [3] }), tf.layers.dense({ units: 1 })]);
  assert.deepEqual(
    again.tfModel.layers.map((l) => l.name),
    ["dense"],
  );
});

test("subclassing Model, Sequential or the model classes is refused with a pointer to custom layers", () => {
  const advice =
    "is not supported (tslab-ml has no subclassed models); write a custom layer instead " +
    "(class MyLayer extends tf.layers.Layer with call() and computeOutputShape()) and use it in " +
    "Sequential([...]) or the functional API Model({ inputs, outputs })";
  const inp = Input({ shape: [2] });
  const out = Dense(1).apply(inp) as tf.SymbolicTensor;
  class MyModel extends Model {}
  assert.throws(
    () => new MyModel({ inputs: inp, outputs: out }),
    (e: Error) =>
      e.name === "ValueError" && e.message === `Model: subclassing keras.Model ${advice}`,
  );
  class MySequential extends Sequential {
    extra = 1;
  }
  assert.throws(
    () => new MySequential([Input({ shape: [2] }), Dense(1)]),
    (e: Error) =>
      e.name === "ValueError" && e.message === `Sequential: subclassing keras.Sequential ${advice}`,
  );
  class MyFunctional extends keras.FunctionalModel {
    override get name(): string {
      return "mine";
    }
  }
  assert.throws(
    () => new MyFunctional({ inputs: inp, outputs: out }),
    (e: Error) =>
      e.name === "ValueError" && e.message === `Model: subclassing keras.FunctionalModel ${advice}`,
  );
  class MySequentialModel extends keras.SequentialModel {}
  assert.throws(
    () => new MySequentialModel([]),
    (e: Error) => e.message === `Sequential: subclassing keras.SequentialModel ${advice}`,
  );
  const m = new Model({ inputs: inp, outputs: out });
  assert.ok(m instanceof Model && m instanceof keras.FunctionalModel);
  assert.ok(Sequential([]) instanceof Sequential);
  assert.ok(new Sequential([]) instanceof keras.SequentialModel);
});

test("a Sequential without an input shape builds on first fit; before that summary explains", async () => {
  const model = Sequential([Dense(4), Dense(1)]);
  assert.throws(
    () => model.tfModel,
    /sequential: the model has no input shape yet; start it with Input/,
  );
  model.compile({ loss: "mse" });
  await model.fit([[1, 2, 3]], [1], { verbose: 0 });
  assert.equal(model.countParams(), denseParams(3, 4) + denseParams(4, 1));
  assert.throws(
    () => model.add(Input({ shape: [3] })),
    /Sequential.add: an Input can only come first/,
  );
  assert.throws(
    () => model.add(3 as unknown as tf.layers.Layer),
    /Sequential.add: expected a layer/,
  );
});

test("the model shows its summary as a cell result (text and HTML)", () => {
  const model = Sequential([Input({ shape: [2] }), Dense(1)]);
  const bundle = (model as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ]();
  assert.match(bundle["text/plain"], /^Model: "sequential"/);
  assert.match(bundle["text/html"], /<table>.*<td style="text-align:left">dense \(Dense\)<\/td>/);
  assert.match(bundle["text/html"], /<b>Total params:<\/b> 3 \(12\.00 B\)/);
});

test("summary() prints text outside a kernel and sends one HTML+text bundle inside", (t) => {
  const model = Sequential([Input({ shape: [2] }), Dense(1)]);
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(s));
  assert.equal(model.summary(), undefined);
  assert.match(lines[0], /^Model: "sequential"/);
  const sent: Record<string, string>[] = [];
  const key = Symbol.for("tslab-ml.kernel");
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[key] = { display: (bundle: Record<string, string>) => sent.push(bundle) };
  try {
    model.summary();
  } finally {
    delete g[key];
  }
  assert.equal(sent.length, 1);
  assert.deepEqual(Object.keys(sent[0]).sort(), ["text/html", "text/plain"]);
});

test("Sequential.add builds step by step; tfModel exposes the tfjs model", () => {
  const model = Sequential();
  model.add(Input({ shape: [3] }));
  model.add(Dense(2, { activation: "tanh" }));
  model.add(Dense(1));
  assert.equal(model.countParams(), denseParams(3, 2) + denseParams(2, 1));
  assert.ok(model.tfModel instanceof tf.LayersModel);
  assert.deepEqual(model.tfModel.inputs[0].shape, [null, 3]);
  assert.deepEqual(
    model.layers.map((l) => l.name),
    ["dense", "dense_1"],
  );
});
