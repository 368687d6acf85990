/**
 * Plot numbers: float32 values keep their exact float32, other floats keep 10 digits,
 * and a long learning curve's bundle gets smaller without changing what is drawn.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { figureBundle, PLOTLY_MIME } from "../../src/display";
import { plotNumber, plotNumbers } from "../../src/display/plotNumbers";
import { line } from "../../src/plot";

/** A deterministic stream of floats in [0, 1) (xorshift32). */
function floats(n: number, seed = 12345): number[] {
  let s = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out.push((s >>> 0) / 2 ** 32);
  }
  return out;
}

test("float32 values come back as the same float32 with at most 9 significant digits", () => {
  const singles = Float32Array.from(floats(20_000).map((u, i) => (u - 0.5) * 10 ** ((i % 13) - 6)));
  for (const v of singles) {
    const w = plotNumber(v);
    assert.equal(Math.fround(w), v, `${v} → ${w}`);
    const digits = String(w).replace(/e.*$/, "").replace(/[-.]/g, "").replace(/^0+/, "");
    assert.ok(digits.length <= 9, `${v} → ${w}`);
  }
  assert.equal(plotNumber(Math.fround(0.1)), 0.1);
  assert.equal(plotNumber(Math.fround(0.3)), 0.3);
  assert.equal(plotNumber(Math.fround(0.87482694)), 0.87482697, "float32 0.874826967716217…");
});

test("other fractional numbers keep 10 significant digits; integers and non-finite values stay", () => {
  for (const v of floats(5_000).map((u) => (u - 0.5) * 1e6 + 1e6 / 3)) {
    if (Math.fround(v) === v) continue;
    const w = plotNumber(v);
    assert.ok(Math.abs(w - v) <= 1e-9 * Math.abs(v), `${v} → ${w}`);
  }
  assert.equal(plotNumber(2 / 3), 0.6666666667);
  assert.equal(plotNumber(1000000.01), 1000000.01, "small steps on a large offset survive");
  for (const v of [0, -3, 1733011200000, NaN, Infinity, -Infinity]) assert.equal(plotNumber(v), v);
});

test("plotNumbers copies a JSON value, shortening every number and nothing else", () => {
  const input = { a: [1 / 3, 2, "0.333333333333"], b: { c: Math.fround(0.2), d: null, e: true } };
  const out = plotNumbers(input);
  assert.deepEqual(out, {
    a: [0.3333333333, 2, "0.333333333333"],
    b: { c: 0.2, d: null, e: true },
  });
  assert.equal(input.a[0], 1 / 3, "the input is left alone");
});

test("a 100-epoch learning curve's bundle shrinks, and both parts carry the short numbers", () => {
  const f32 = Float32Array.from(floats(100).map((u, i) => 1 / (i + 1) + u / 100));
  const losses = Array.from(f32);
  const means = losses.map((v, i) => (v + (losses[i - 1] ?? v)) / 2); // float64 arithmetic
  const fig = line([
    { y: losses, name: "loss" },
    { y: means, name: "val_loss" },
  ]);
  const b = figureBundle(fig);
  const data = (b[PLOTLY_MIME] as { data: { y: number[] }[] }).data;
  assert.deepEqual(data[0].y.map(Math.fround), losses, "float32 losses are exact");
  data[1].y.forEach((w, i) => {
    const exact = Math.fround(means[i]) === means[i] ? Math.fround(w) === means[i] : false;
    assert.ok(exact || Math.abs(w - means[i]) <= 1e-9 * means[i], `${means[i]} → ${w}`);
  });
  const full = JSON.stringify(fig).length;
  const json = JSON.stringify(b[PLOTLY_MIME]).length;
  assert.ok(json < 0.8 * full, `plotly JSON ${json} bytes against ${full} written in full`);
  assert.ok(
    String(b["text/html"]).includes(JSON.stringify(data[0].y)),
    "the HTML draws the same numbers",
  );
});
