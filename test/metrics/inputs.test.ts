import { test } from "node:test";
import { inspect } from "node:util";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { DataFrame, Series } from "../../src/data/danfo";
import { JUPYTER_DISPLAY } from "../../src/display";
import * as m from "../../src/metrics";
import { pyFixed } from "../../src/metrics/pyFormat";

const yTrue = [0, 1, 1, 0, 1, 0];
const proba = [0.1, 0.8, 0.4, 0.6, 0.9, 0.5];
const labels = proba.map((p) => (p > 0.5 ? 1 : 0));

test("Series, one-column DataFrame, [n, 1] tensor and array give the same value", () => {
  const ref = m.meanSquaredError(yTrue, proba);
  assert.equal(m.meanSquaredError(new Series(yTrue), new DataFrame({ p: proba })), ref);
  const t = tf.tensor2d(proba, [6, 1], "float32");
  const fromTensor = m.meanSquaredError(tf.tensor1d(yTrue), t);
  assert.ok(Math.abs(fromTensor - ref) < 1e-7);
  assert.equal(m.f1Score(new Series(yTrue), new Series(labels)), m.f1Score(yTrue, labels));
  assert.throws(
    () => m.r2Score(new DataFrame({ a: [1, 2], b: [3, 4] }), [1, 2]),
    /r2Score: yTrue must be 1-D; got a DataFrame with 2 columns/,
  );
});

test("threshold turns probabilities into labels with yPred > threshold", () => {
  assert.equal(m.accuracyScore(yTrue, proba, { threshold: 0.5 }), m.accuracyScore(yTrue, labels));
  assert.equal(m.accuracyScore(yTrue, proba, { threshold: 0.5 }), 4 / 6);
  assert.deepEqual(m.confusionMatrix(yTrue, proba, { threshold: 0.5 }), [
    [2, 1],
    [1, 2],
  ]);
  assert.equal(m.recallScore(yTrue, proba, { threshold: 0.3 }), 1);
  const report = m.classificationReport(yTrue, proba, { threshold: 0.5, outputDict: true });
  assert.equal(report.accuracy, 4 / 6);
});

test("classificationReport text, HTML and Jupyter bundle", () => {
  const r = m.classificationReport([0, 1, 2, 2], [0, 2, 2, 2], {
    targetNames: ["cat", "dog", "<b>"],
  });
  const text = String(r);
  assert.match(text, /^ {14}precision {4}recall {2}f1-score {3}support\n\n/);
  assert.match(text, /\n {9}cat {7}1\.00 {6}1\.00 {6}1\.00 {9}1\n/);
  assert.match(text, /\n {4}accuracy {27}0\.75 {9}4\n/);
  const bundle = r[JUPYTER_DISPLAY]();
  assert.equal(bundle["text/plain"], text);
  const htmlText = bundle["text/html"] as string;
  assert.match(htmlText, /^<table class="classification-report">/);
  assert.match(htmlText, /<th>&lt;b&gt;<\/th>/);
  assert.equal((htmlText.match(/<tr>/g) ?? []).length, 1 + 3 + 3);
  assert.equal(r.dict.accuracy, 0.75);
  assert.equal(inspect(r), text);
});

test("pyFixed rounds exact ties to even like Python's format", () => {
  assert.equal(pyFixed(0.125, 2), "0.12");
  assert.equal(pyFixed(0.375, 2), "0.38");
  assert.equal(pyFixed(0.5, 0), "0");
  assert.equal(pyFixed(2.5, 0), "2");
  assert.equal(pyFixed(0.135, 2), "0.14"); // 0.135 is stored slightly above .135
  assert.equal(pyFixed(-0.125, 2), "-0.12");
  assert.equal(pyFixed(NaN, 2), "nan");
  assert.equal(pyFixed(2 / 3, 2), "0.67");
});

test("Series and DataFrames that danfo operations return (df[col], df.drop, df.loc) are accepted", () => {
  const df = new DataFrame({ y: [3, 1, 4, 1, 5], p: [2.5, 1, 4, 2, 5], q: [0, 1, 1, 0, 1] });
  const col = df["y"] as Series;
  assert.ok(!(col instanceof Series), "df[col] is danfo's base Series");
  assert.equal(m.r2Score(col, df["p"]), m.r2Score([3, 1, 4, 1, 5], [2.5, 1, 4, 2, 5]));
  assert.equal(
    m.meanSquaredError(df.loc({ columns: ["y"] }), df["p"]),
    m.meanSquaredError(col, df["p"]),
  );
  assert.equal(m.accuracyScore(df["q"], df.head(5)["q"]), 1);
});
