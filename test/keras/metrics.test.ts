import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { resolveMetric } from "../../src/keras/metrics";
import { backendReady, loadFixture } from "./setup";

interface Golden {
  y_true: number[];
  y_pred: number[];
  precision: number;
  recall: number;
  accuracy: number;
  roc_auc_exact: number;
  auc_keras_200: number;
}

before(backendReady);
beforeEach(() => keras.backend.clearSession());

/** A model that outputs its input, to evaluate metrics on fixed predictions. */
function identity(): keras.KerasModel {
  const model = keras.Sequential([keras.Input({ shape: [1] }), keras.layers.Activation("linear")]);
  model.compile({
    loss: "binary_crossentropy",
    metrics: ["accuracy", "precision", "recall", "auc"],
  });
  return model;
}

test("precision, recall, accuracy and AUC over the whole set match scikit-learn (golden)", () => {
  const g = loadFixture<Golden>("metrics.json");
  for (const batchSize of [7, 64, 500]) {
    const logs = identity().evaluate(g.y_pred, g.y_true, { batchSize }) as Record<string, number>;
    assert.deepEqual(Object.keys(logs), ["loss", "accuracy", "precision", "recall", "auc"]);
    assert.ok(Math.abs(logs.precision - g.precision) < 1e-9, `precision ${logs.precision}`);
    assert.ok(Math.abs(logs.recall - g.recall) < 1e-9, `recall ${logs.recall}`);
    assert.ok(Math.abs(logs.accuracy - g.accuracy) < 1e-9, `accuracy ${logs.accuracy}`);
    assert.ok(Math.abs(logs.auc - g.auc_keras_200) < 1e-6, `auc ${logs.auc} vs ${g.auc_keras_200}`);
    assert.ok(
      Math.abs(logs.auc - g.roc_auc_exact) < 2e-3,
      "200-threshold AUC is close to the exact one",
    );
  }
});

test("accuracy is binary, categorical or sparse as Keras chooses", () => {
  const value = (name: string, loss: string, width: number, y: number[][], p: number[][]) => {
    const m = resolveMetric(name, loss, width, "t");
    return m.result(
      Float64Array.from(tf.tidy(() => m.stats(tf.tensor(y), tf.tensor(p))).dataSync()),
    );
  };
  // Binary: threshold 0.5 on a single output.
  assert.equal(
    value("accuracy", "binary_crossentropy", 1, [[1], [0], [1]], [[0.6], [0.4], [0.3]]),
    2 / 3,
  );
  // Categorical: argmax of one-hot targets.
  assert.equal(
    value(
      "accuracy",
      "categorical_crossentropy",
      3,
      [
        [0, 1, 0],
        [1, 0, 0],
      ],
      [
        [0.2, 0.7, 0.1],
        [0.1, 0.5, 0.4],
      ],
    ),
    0.5,
  );
  // Sparse: integer targets with a sparse loss.
  assert.equal(
    value(
      "acc",
      "sparse_categorical_crossentropy",
      3,
      [[1], [2]],
      [
        [0.2, 0.7, 0.1],
        [0.1, 0.5, 0.4],
      ],
    ),
    0.5,
  );
  assert.equal(resolveMetric("acc", "mse", 1, "t").name, "acc");
});

test("an unknown metric lists the valid names and suggests the closest", () => {
  const model = keras.Sequential([keras.Input({ shape: [1] }), keras.layers.Dense(1)]);
  assert.throws(
    () => model.compile({ loss: "mse", metrics: ["accurracy"] }),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message.startsWith(
        'compile: unknown metric "accurracy"; valid metric names: "accuracy", "acc",',
      ) &&
      e.message.endsWith('did you mean "accuracy"?') &&
      e.message.includes('"auc", "r2_score"'),
  );
  assert.throws(
    () => model.compile({ loss: "mse", metrics: ["r2"] }),
    /unknown metric "r2"; valid metric names: .*"r2_score"/,
  );
});

test("r2_score is 1 − SS_res / SS_tot over the whole epoch, whatever the batch size", async () => {
  const yTrue = [3, -0.5, 2, 7];
  const yPred = [2.5, 0, 2, 8];
  const mean = yTrue.reduce((a, v) => a + v, 0) / yTrue.length; // 2.875
  const ssTot = yTrue.reduce((a, v) => a + (v - mean) ** 2, 0); // 29.1875
  const ssRes = yTrue.reduce((a, v, i) => a + (v - yPred[i]) ** 2, 0); // 1.5
  const expected = 1 - ssRes / ssTot;
  assert.ok(Math.abs(expected - 0.9486081370449679) < 1e-15, "scikit-learn's r2_score example");
  const model = keras.Sequential([keras.Input({ shape: [1] }), keras.layers.Activation("linear")]);
  model.compile({ loss: "mse", metrics: ["r2_score"] });
  // Batches of 3 (the second is the constant [7]): a mean of per-batch R² would be about 0.46.
  for (const batchSize of [1, 3, 4]) {
    const logs = model.evaluate(yPred, yTrue, { batchSize }) as Record<string, number>;
    assert.ok(Math.abs(logs.r2_score - expected) < 1e-6, `batch ${batchSize}: ${logs.r2_score}`);
  }
  const fitted = keras.Sequential([keras.Input({ shape: [1] }), keras.layers.Dense(1)]);
  fitted.compile({ optimizer: "sgd", loss: "mse", metrics: ["r2_score"] });
  const h = await fitted.fit(yPred, yTrue, { epochs: 2, batchSize: 3, verbose: 0 });
  assert.deepEqual(Object.keys(h.history), ["loss", "r2_score"]);
  assert.equal(resolveMetric("R2Score", "mse", 1, "t").name, "r2_score", "class-name spelling");
  assert.equal(resolveMetric("AUC", "binary_crossentropy", 1, "t").name, "auc");
  assert.equal(resolveMetric("acc", "binary_crossentropy", 1, "t").name, "acc");
  assert.ok(h.history.r2_score.every(Number.isFinite));
  // Two outputs: Keras averages the per-column scores (class_aggregation="uniform_average").
  const m2 = resolveMetric("r2_score", "mse", 2, "t");
  const y2 = [
    [0.5, 1],
    [-1, 1],
    [7, -6],
  ];
  const p2 = [
    [0, 2],
    [-1, 2],
    [8, -5],
  ];
  const col = (j: number) => {
    const t = y2.map((r) => r[j]);
    const mu = t.reduce((a, v) => a + v, 0) / t.length;
    const tot = t.reduce((a, v) => a + (v - mu) ** 2, 0);
    return 1 - t.reduce((a, v, i) => a + (v - p2[i][j]) ** 2, 0) / tot;
  };
  const sums = Float64Array.from(tf.tidy(() => m2.stats(tf.tensor(y2), tf.tensor(p2))).dataSync());
  assert.ok(Math.abs(m2.result(sums) - (col(0) + col(1)) / 2) < 1e-6);
  assert.ok(keras.metrics.NAMES.includes("r2_score"));
});

test("losses as metrics: binary_crossentropy and kld are their mean per sample (Keras formulas)", () => {
  const model = keras.Sequential([keras.Input({ shape: [1] }), keras.layers.Activation("linear")]);
  model.compile({ loss: "mse", metrics: ["binary_crossentropy", "kld"] });
  const p = [0.9, 0.2, 0.6, 0.3, 0.99];
  const y = [1, 0, 0, 1, 1];
  const logs = model.evaluate(
    p.map((v) => [v]),
    y.map((v) => [v]),
    { batchSize: 2 },
  ) as Record<string, number>;
  const bce =
    -p.reduce((s, q, i) => s + (y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q)), 0) / p.length;
  // Keras's KL divergence clips y_true to [1e-7, 1]: the zero labels add 1e-7·log(1e-7 / p)
  const kld =
    p.reduce((s, q, i) => {
      const t = Math.max(y[i], 1e-7);
      return s + t * Math.log(t / q);
    }, 0) / p.length;
  assert.ok(
    Math.abs(logs.binary_crossentropy - bce) < 1e-6,
    `${logs.binary_crossentropy} vs ${bce}`,
  );
  assert.ok(Math.abs(logs.kld - kld) < 1e-6, `${logs.kld} vs ${kld}`);
  assert.ok(keras.metrics.NAMES.includes("categorical_crossentropy"));
});
