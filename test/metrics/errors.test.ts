import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { DataFrame } from "../../src/data/danfo";
import * as m from "../../src/metrics";

test("length mismatch names both lengths", () => {
  assert.throws(() => m.r2Score([1, 2, 3], [1, 2]), {
    name: "ValueError",
    message: "r2Score: yTrue and yPred have different lengths (3 != 2)",
  });
  assert.throws(
    () => m.accuracyScore([0, 1], [0, 1, 1]),
    /accuracyScore: yTrue and yPred have different lengths \(2 != 3\)/,
  );
  assert.throws(
    () => m.rocAucScore([0, 1], [0.5]),
    /rocAucScore: yTrue and yScore have different lengths \(2 != 1\)/,
  );
});

test("empty input is refused", () => {
  assert.throws(() => m.meanSquaredError([], []), {
    message: "meanSquaredError: yTrue is empty; at least 1 sample is required",
  });
  assert.throws(() => m.f1Score([], []), /f1Score: yTrue is empty/);
  assert.throws(() => m.rocCurve([], []), /rocCurve: yTrue is empty/);
});

test("NaN and Infinity are counted", () => {
  assert.throws(() => m.meanAbsoluteError([1, 2, 3], [1, NaN, Infinity]), {
    message:
      "meanAbsoluteError: yPred contains 2 NaN or infinite values (first at row 1: NaN); " +
      "fill or drop them first (e.g. df.dropNa())",
  });
  assert.throws(
    () => m.rocAucScore([0, NaN], [0.1, 0.2]),
    /yTrue contains 1 NaN or infinite value /,
  );
});

test("probabilities given to a label metric suggest a threshold", () => {
  assert.throws(() => m.accuracyScore([0, 1, 1], [0.2, 0.7, 1]), {
    name: "ValueError",
    message:
      "accuracyScore: yPred has continuous values (such as 0.2) but accuracyScore needs class " +
      "labels (integers such as 0/1); pass { threshold: 0.5 } to turn probabilities into 0/1 " +
      "labels, or round them first",
  });
  assert.throws(
    () => m.precisionScore([0.5, 1], [0, 1]),
    /yTrue has continuous values \(such as 0.5\).*round them/,
  );
  assert.throws(
    () => m.accuracyScore([0, 1, 2], [0.2, 0.7, 0.9], { threshold: 0.5 }),
    /threshold applies to binary 0\/1 targets only; yTrue has the labels \[0, 1, 2\]/,
  );
});

test("rocAucScore with one class, unknown average, bad options", () => {
  assert.throws(() => m.rocAucScore([1, 1, 1], [0.2, 0.5, 0.9]), {
    name: "ValueError",
    message:
      "rocAucScore: only one class present in yTrue (every label is 1); ROC AUC score is not " +
      "defined in that case",
  });
  assert.throws(
    () => m.rocAucScore([0, 1, 2], [0.2, 0.5, 0.9]),
    /only binary targets are supported/,
  );
  assert.throws(() => m.f1Score([0, 1], [0, 1], { average: "samples" as "macro" }), {
    message:
      'f1Score: average must be "binary", "macro", "micro", "weighted" or null; got "samples"',
  });
  assert.throws(
    () => m.precisionScore([0, 1, 2], [0, 1, 2]),
    /precisionScore: the targets have 3 classes \[0, 1, 2\] but average is "binary"; choose average "macro"/,
  );
  assert.throws(
    () => m.recallScore([0, 2], [0, 2], { posLabel: 1 }),
    /recallScore: posLabel=1 is not a valid label; it should be one of \[0, 2\]/,
  );
  assert.throws(
    () => m.recallScore([0, 1], [0, 1], { zeroDivision: "nan" as "warn" }),
    /zeroDivision must be "warn", 0 or 1; got "nan"/,
  );
  assert.throws(
    () => m.confusionMatrix([0, 1], [0, 1], { normalize: "rows" as "true" }),
    /confusionMatrix: normalize must be "true", "pred", "all" or undefined; got "rows"/,
  );
  assert.throws(
    () => m.confusionMatrix([0, 1], [0, 1], { labels: [5, 6] }),
    /at least one of labels \[5, 6\] must occur in yTrue \(yTrue has \[0, 1\]\)/,
  );
  assert.throws(
    () => m.rocCurve([1, 2], [0.1, 0.9]),
    /rocCurve: yTrue takes values in \{1, 2\} and posLabel is not specified/,
  );
  assert.throws(
    () => m.classificationReport([0, 1, 2], [0, 1, 2], { targetNames: ["a", "b"] }),
    /number of classes, 3, does not match size of targetNames, 2/,
  );
});

test("a named column is named in the NaN message; class probabilities get a hint", () => {
  const price = new DataFrame({ price: [1, NaN, 3] });
  assert.throws(
    () => m.meanSquaredError([1, 2, 3], price),
    /meanSquaredError: yPred contains 1 NaN or infinite value in column "price" \(first at row 1: NaN\)/,
  );
  const probs = tf.tensor2d([0.1, 0.9, 0.8, 0.2], [2, 2]);
  assert.throws(() => m.accuracyScore([1, 0], probs), {
    message:
      "accuracyScore: yPred must be 1-D; got shape [2, 2]. For one probability per class take " +
      "the most likely class first (e.g. tf.argMax(yPred, -1)); do the same for one-hot labels",
  });
  probs.dispose();
});
