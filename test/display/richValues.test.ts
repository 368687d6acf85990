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
  assert.deepEqual(formatColumn([0.00001, 1], "float32"), ["1.000000e-5", "1.000000e+0"]);
  assert.deepEqual(formatColumn([1, 2], "int32"), ["1", "2"]);
  assert.deepEqual(formatColumn([true, null], "boolean"), ["true", "NaN"]);
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
