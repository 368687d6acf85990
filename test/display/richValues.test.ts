/**
 * DataFrames, Series and tensors show as pandas-like tables / shaped values.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { danfo } from "../../src/data/danfo";
import { format } from "../../src/display";
import { formatColumn } from "../../src/display/columnFormat";

const html = (v: unknown) => format(v)["text/html"] as string;
const cells = (h: string, tag: string) =>
  [...h.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);

test("numbers are formatted per dtype like pandas", () => {
  assert.deepEqual(formatColumn([1, 2.5, 3.25], "float32"), ["1.00", "2.50", "3.25"]);
  assert.deepEqual(formatColumn([1, 2], "float32"), ["1.0", "2.0"]);
  assert.deepEqual(formatColumn([1 / 3, NaN], "float32"), ["0.333333", "NaN"]);
  assert.deepEqual(formatColumn([1, 2], "int32"), ["1", "2"]);
  assert.deepEqual(formatColumn([true, null], "boolean"), ["true", "NaN"]);
});

test("float columns match pandas' to_html (checked with pandas 1.5.3)", () => {
  // pd.DataFrame({"a": values}).to_html() cells
  const pandas: [number[], string[]][] = [
    [
      [1.5, 2.25],
      ["1.50", "2.25"],
    ],
    [
      [1e-5, 1.0],
      ["0.00001", "1.00000"],
    ],
    [
      [1e-6, 1.0],
      ["0.000001", "1.000000"],
    ],
    [
      [1e-7, 1.0],
      ["1.000000e-07", "1.000000e+00"],
    ],
    [
      [-1e-7, 3.0],
      ["-1.000000e-07", "3.000000e+00"],
    ],
    [
      [2.5e-7, NaN],
      ["2.500000e-07", "NaN"],
    ],
    [
      [1e16, 1.0],
      ["1.000000e+16", "1.000000e+00"],
    ],
    [
      [1e11, 0.5],
      ["1.000000e+11", "5.000000e-01"],
    ],
    [
      [12345678.123, 1.0],
      ["1.234568e+07", "1.000000e+00"],
    ],
    [
      [1234567.5, 1.0],
      ["1234567.5", "1.0"],
    ],
    [
      [123456.0, 0.1234567],
      ["123456.000000", "0.123457"],
    ],
    [
      [0.0078125, 1.0],
      ["0.007812", "1.000000"],
    ],
    [
      [0.125, 0.5],
      ["0.125", "0.500"],
    ],
    [
      [-1.5, 2.0],
      ["-1.5", "2.0"],
    ],
    [
      [Infinity, 1.5],
      ["inf", "1.5"],
    ],
    [
      [-Infinity, 1e-8],
      ["-inf", "1.000000e-08"],
    ],
  ];
  for (const [values, expected] of pandas) {
    assert.deepEqual(formatColumn(values, "float64"), expected, `[${values.join(", ")}]`);
  }
  const h = html(new danfo.DataFrame({ a: [1e-7, 1], b: [1.5, 2.25] }));
  assert.deepEqual(cells(h, "td"), ["1.000000e-07", "1.50", "1.000000e+00", "2.25"]);
});

test("a DataFrame shows an HTML table with index, column names and formatted cells", () => {
  const df = new danfo.DataFrame({ a: [1, 2], b: [0.5, 1.25], c: ["x", "<y>"] });
  const h = html(df);
  assert.match(h, /<table border="1" class="dataframe">/);
  assert.deepEqual(cells(h, "th"), ["", "a", "b", "c", "0", "1"]);
  assert.deepEqual(cells(h, "td"), ["1", "0.50", "x", "2", "1.25", "&lt;y&gt;"]);
  assert.doesNotMatch(h, /rows ×/);
  assert.equal(format(df)["text/plain"], "   a     b    c\n0  1  0.50    x\n1  2  1.25  <y>");
});

test("past 60 rows: first 10 and last 10 rows, a … row, and the size line", () => {
  const n = 100;
  const df = new danfo.DataFrame({
    x: Array.from({ length: n }, (_, i) => i * 0.5),
    y: Array.from({ length: n }, (_, i) => i),
  });
  const h = html(df);
  const labels = cells(h, "th").slice(3);
  assert.deepEqual(labels, [
    ...Array.from({ length: 10 }, (_, i) => String(i)),
    "…",
    ...Array.from({ length: 10 }, (_, i) => String(90 + i)),
  ]);
  assert.match(h, /<p>100 rows × 2 columns<\/p>/);
  assert.match(format(df)["text/plain"] as string, /\n\[100 rows x 2 columns\]$/);
  assert.equal(cells(html(df.head(60)), "th").length, 3 + 60);
});

test("results of df.head() and df[col] (danfo base classes) show richly too", () => {
  const df = new danfo.DataFrame({ a: [1.5, 2.5, 3.5] });
  assert.match(html(df.head(2)), /<td>1.5<\/td>/);
  const s = format(df["a"]);
  assert.match(s["text/html"] as string, /<p>Name: a, dtype: float32<\/p>/);
  assert.equal(s["text/plain"], "     a\n0  1.5\n1  2.5\n2  3.5\nName: a, dtype: float32");
});

test("a tensor shows shape, dtype and tfjs-truncated values", () => {
  const t = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  assert.equal(format(t)["text/plain"], "Tensor shape [2, 2] dtype float32\n[[1, 2],\n [3, 4]]");
  const big = tf.zeros([100, 100], "int32");
  const h = html(big);
  assert.match(h, /shape \[100, 100\] · dtype int32/);
  assert.ok(h.length < 1000 && h.includes("..."));
  big.dispose();
  t.dispose();
  assert.equal(format(t)["text/plain"], "Tensor shape [2, 2] dtype float32 (disposed)");
});

test("a raw tfjs model shows the summary tfjs prints, as text and HTML", () => {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, inputShape: [3], activation: "relu" }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  const printed: string[] = [];
  model.summary(undefined, undefined, (...parts: unknown[]) =>
    printed.push(parts.join(" ").trimEnd()),
  );
  const bundle = format(model);
  assert.equal(bundle["text/plain"], printed.join("\n"));
  assert.match(
    bundle["text/plain"] as string,
    /Layer \(type\) +Input Shape +Output shape +Param #/,
  );
  assert.match(bundle["text/plain"] as string, /\nTotal params: 21\n/);
  const h = bundle["text/html"] as string;
  assert.match(
    h,
    new RegExp(`^<div class="tslab-ml-model"><div><b>Sequential</b> "${model.name}"</div><pre>`),
  );
  assert.match(h, /Total params: 21/);
  const pre = h.match(/<pre>([\s\S]*)<\/pre>/)?.[1];
  assert.equal(pre, printed.join("\n"), "the summary as it is in <pre> (nothing to escape here)");

  const input = tf.input({ shape: [2] });
  const functional = tf.model({
    inputs: input,
    outputs: tf.layers.dense({ units: 1 }).apply(input) as tf.SymbolicTensor,
  });
  const f = format(functional);
  assert.match(f["text/plain"] as string, /\(InputLayer\)[\s\S]*Total params: 3/);
  assert.match(f["text/html"] as string, /<b>LayersModel<\/b>/);

  const empty = format(tf.sequential());
  assert.match(empty["text/plain"] as string, /^Sequential "sequential_\d+" \(no summary: .*empty/);
  model.dispose();
  functional.dispose();
});
