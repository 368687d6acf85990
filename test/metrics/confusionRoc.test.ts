import { test } from "node:test";
import assert from "node:assert/strict";
import { confusionMatrix } from "../../src/metrics/confusionMatrix";
import { rocCurve } from "../../src/metrics/rocCurve";

// Expected values computed with scikit-learn 1.2 (confusion_matrix, roc_curve).
const yT = [2, 0, 2, 2, 0, 1];
const yP = [0, 0, 2, 2, 0, 2];

test("confusionMatrix counts, label order and normalisation", () => {
  assert.deepEqual(confusionMatrix(yT, yP), [
    [2, 0, 0],
    [0, 0, 1],
    [1, 0, 2],
  ]);
  assert.deepEqual(confusionMatrix(yT, yP, { labels: [2, 0] }), [
    [2, 1],
    [0, 2],
  ]);
  const n = confusionMatrix(yT, yP, { normalize: "true" });
  assert.deepEqual(n.slice(0, 2), [
    [1, 0, 0],
    [0, 0, 1],
  ]);
  assert.ok(Math.abs(n[2][0] - 1 / 3) < 1e-12 && Math.abs(n[2][2] - 2 / 3) < 1e-12);
  assert.deepEqual(confusionMatrix([0, 1], [0.2, 0.7], { threshold: 0.5 }), [
    [1, 0],
    [0, 1],
  ]);
  assert.throws(
    () => confusionMatrix([0, 1], [0.2, 0.7]),
    /confusionMatrix: yPred has continuous values \(such as 0.2\).*pass \{ threshold: 0.5 \}/,
  );
});

test("rocCurve merges ties, drops intermediate points, starts at Infinity", () => {
  const yTrue = [0, 0, 1, 1, 1, 0, 1];
  const yScore = [0.1, 0.5, 0.5, 0.8, 0.8, 0.2, 0.3];
  const r = rocCurve(yTrue, yScore);
  assert.deepEqual(r.thresholds, [Infinity, 0.8, 0.5, 0.3, 0.1]);
  assert.deepEqual(r.tpr, [0, 0.5, 0.75, 1, 1]);
  assert.deepEqual(r.fpr, [0, 0, 1 / 3, 1 / 3, 1]);
  const all = rocCurve(yTrue, yScore, { dropIntermediate: false });
  assert.deepEqual(all.thresholds, [Infinity, 0.8, 0.5, 0.3, 0.2, 0.1]);
  assert.deepEqual(all.fpr, [0, 0, 1 / 3, 1 / 3, 2 / 3, 1]);
  assert.throws(
    () => rocCurve([0, 1, 2], [0.1, 0.2, 0.3]),
    /rocCurve: yTrue must be binary; got 3 classes \[0, 1, 2\]/,
  );
});
