import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { EarlyStopping, EarlyStoppingCallback } from "../../../src/keras/callbacks";
import { captureConsole, drive, DummyModel } from "./helpers";

const losses = (values: number[], key = "val_loss") => values.map((v) => ({ [key]: v }));

test("EarlyStopping: patience — Keras's case stops at epoch max(patience, 1) + 2", async () => {
  const seq = losses([10.0, 9.0, 8.0, 9.0, 8.9, 8.8, 8.7, 8.6, 8.5], "loss");
  for (const patience of [0, 1, 2, 3]) {
    const es = EarlyStopping({ monitor: "loss", patience });
    const model = new DummyModel();
    const run = await drive(es, model, seq);
    assert.equal(es.stoppedEpoch, Math.max(patience, 1) + 2, `patience ${patience}`);
    assert.equal(run, es.stoppedEpoch + 1);
    model.dispose();
  }
});

test("EarlyStopping: restoreBestWeights restores the best epoch; messages are 1-based", async () => {
  const es = EarlyStopping({ patience: 2, restoreBestWeights: true, verbose: 1 });
  const model = new DummyModel();
  const before = tf.memory().numTensors;
  let run = 0;
  const out = await captureConsole(async () => {
    run = await drive(es, model, losses([0.2, 0.15, 0.1, 0.11, 0.12]));
  });
  assert.equal(run, 5);
  assert.equal(model.weightValue(), 2, "weights of epoch index 2 (loss 0.1)");
  assert.deepEqual(out.log, [
    "Epoch 5: early stopping",
    "Restoring model weights from the end of the best epoch: 3.",
  ]);
  assert.equal(tf.memory().numTensors, before, "kept copies are disposed");
  model.dispose();
});

test("EarlyStopping: baseline never beaten — trains `patience` epochs and restores the best", async () => {
  const seq = losses([0.9, 0.8, 0.7, 0.71, 0.72, 0.73]);
  const es = EarlyStopping({ patience: 5, baseline: 0.5, restoreBestWeights: true });
  const model = new DummyModel();
  assert.equal(await drive(es, model, seq), 5);
  assert.equal(model.weightValue(), 2);
  model.dispose();
  // Baseline beaten: the wait resets as usual.
  const es2 = EarlyStopping({ patience: 1, baseline: 0.85 });
  const model2 = new DummyModel();
  assert.equal(await drive(es2, model2, seq), 4, "0.8 and 0.7 beat the baseline, 0.71 stops");
  assert.equal(es2.stoppedEpoch, 3);
  model2.dispose();
});

test("EarlyStopping: restores at the end of training even when it did not stop (Keras 3)", async () => {
  const es = EarlyStopping({ patience: 10, restoreBestWeights: true, verbose: 1 });
  const model = new DummyModel();
  const out = await captureConsole(() => drive(es, model, losses([0.5, 0.3, 0.4, 0.45])));
  assert.equal(es.stoppedEpoch, 0);
  assert.equal(model.weightValue(), 1);
  assert.deepEqual(out.log, ["Restoring model weights from the end of the best epoch: 2."]);
  model.dispose();
});

test("EarlyStopping: mode auto by metric direction; val_accuracy and val_auc are maximised", async () => {
  const dirs: Array<[string, string]> = [
    ["val_mse", "min"],
    ["loss", "min"],
    ["acc", "max"],
    ["val_accuracy", "max"],
    ["hinge", "min"],
    ["f1_score", "max"],
    ["val_auc", "max"],
    ["val_precision", "max"],
    ["recall", "max"],
    ["r2_score", "max"],
    ["val_binary_crossentropy", "min"],
    ["mean_absolute_error", "min"],
  ];
  for (const [monitor, mode] of dirs) assert.equal(EarlyStopping({ monitor }).mode, mode, monitor);
  assert.equal(EarlyStopping({ monitor: "val_mse", mode: "max" }).mode, "max");
  assert.throws(() => EarlyStopping({ monitor: "unknown" }), {
    name: "ValueError",
    message:
      'EarlyStopping: cannot tell whether monitor "unknown" should be maximised or minimised; pass mode: "max" to keep the highest value or mode: "min" to keep the lowest',
  });
  // A rising val_auc never stops; a falling one stops after `patience`.
  const model = new DummyModel();
  const rising = EarlyStopping({ monitor: "val_auc", patience: 1 });
  assert.equal(await drive(rising, model, losses([0.6, 0.7, 0.8, 0.9], "val_auc")), 4);
  const falling = EarlyStopping({ monitor: "val_auc", patience: 1 });
  assert.equal(await drive(falling, model, losses([0.9, 0.8, 0.7, 0.6], "val_auc")), 2);
  model.dispose();
});

test("EarlyStopping: minDelta counts small changes as no improvement, in the mode's direction", async () => {
  const model = new DummyModel();
  const es = EarlyStopping({ patience: 1, minDelta: -0.05 });
  assert.equal(es.minDelta, 0.05);
  // 1.0 → 0.97 (< 0.05 better: wait 1 → stop at epoch 1).
  assert.equal(await drive(es, model, losses([1.0, 0.97, 0.5])), 2);
  const acc = EarlyStopping({ monitor: "val_accuracy", patience: 1, minDelta: 0.05 });
  assert.equal(await drive(acc, model, losses([0.5, 0.6, 0.62, 0.9], "val_accuracy")), 3);
  assert.equal(acc.best, 0.6);
  model.dispose();
});

test("EarlyStopping: startFromEpoch ignores the warm-up epochs", async () => {
  const model = new DummyModel();
  const seq = losses([1, 2, 3, 4, 5, 6]);
  const es = EarlyStopping({ patience: 0, startFromEpoch: 3 });
  assert.equal(await drive(es, model, seq), 5, "first watched epoch 3, stops at epoch 4");
  assert.equal(es.bestEpoch, 3);
  const noWarmup = EarlyStopping({ patience: 0 });
  assert.equal(await drive(noWarmup, model, seq), 2);
  model.dispose();
});

test("EarlyStopping: a missing monitor key warns with the available keys and does not stop", async () => {
  const model = new DummyModel();
  const es = EarlyStopping({ monitor: "val_loss" });
  const out = await captureConsole(() => drive(es, model, [{ loss: 1 }, { loss: 2 }, { loss: 3 }]));
  assert.equal(es.stoppedEpoch, 0);
  assert.equal(out.warn.length, 3);
  assert.equal(
    out.warn[0],
    "UserWarning: Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss",
  );
  model.dispose();
});

test("EarlyStopping: option errors name the option", () => {
  assert.throws(() => EarlyStopping({ patience: -1 }), {
    message: "EarlyStopping: patience must be an integer >= 0; got -1",
  });
  assert.throws(() => EarlyStopping({ mode: "up" as never }), {
    message: 'EarlyStopping: mode must be "auto", "min" or "max"; got "up"',
  });
  assert.ok(EarlyStopping() instanceof EarlyStoppingCallback);
});
