import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { ModelCheckpoint } from "../../../src/keras/callbacks";
import { tempDir } from "../../helpers";
import { captureConsole, drive, DummyModel } from "./helpers";

const epochs = [
  { loss: 0.6, val_loss: 0.5123 },
  { loss: 0.5, val_loss: 0.4881 },
  { loss: 0.45, val_loss: 0.4999 },
  { loss: 0.4, val_loss: 0.47 },
];

test("ModelCheckpoint: file names formatted like Python's str.format(epoch=epoch + 1, **logs)", async () => {
  const dir = tempDir("ckpt");
  const ckpt = ModelCheckpoint(path.join(dir, "m-{epoch:02d}-{val_loss:.2f}-{loss}"));
  const model = new DummyModel();
  await drive(ckpt, model, epochs);
  assert.deepEqual(
    model.saved,
    ["m-01-0.51-0.6", "m-02-0.49-0.5", "m-03-0.50-0.45", "m-04-0.47-0.4"].map(
      (f) => `model:${path.join(dir, f)}`,
    ),
  );
  // 0.125 is a tie: Python rounds half to even.
  assert.equal(ckpt.filePathFor(9, { loss: 1, val_loss: 0.125 }), path.join(dir, "m-10-0.12-1.0"));
  assert.equal(
    ModelCheckpoint("file:///tmp/ck/{epoch:02d}").filePathFor(0, {}),
    "/tmp/ck/01",
    "a file:// path is a plain path",
  );
  assert.equal(
    ModelCheckpoint("{epoch:03d}_{val_loss:.3e}_{loss:>8.3f}").filePathFor(6, {
      loss: 1,
      val_loss: 0.000125,
    }),
    "007_1.250e-04_   1.000",
  );
  model.dispose();
});

test("ModelCheckpoint: unknown key in filepath is a clear error", async () => {
  const ckpt = ModelCheckpoint("ckpt/{val_los:.2f}");
  await assert.rejects(drive(ckpt, new DummyModel(), [{ loss: 0.5, val_loss: 0.4 }]), {
    name: "ValueError",
    message:
      'ModelCheckpoint: filepath "ckpt/{val_los:.2f}" uses unknown key "val_los"; available: epoch, loss, val_loss',
  });
});

test("ModelCheckpoint: saveBestOnly saves on improvement, with Keras's messages", async () => {
  const ckpt = ModelCheckpoint("best", { saveBestOnly: true, verbose: 1 });
  const model = new DummyModel();
  const out = await captureConsole(() => drive(ckpt, model, epochs));
  assert.deepEqual(model.saved, ["model:best", "model:best", "model:best"]);
  assert.deepEqual(out.log, [
    "Epoch 1: val_loss improved from inf to 0.51230, saving model to best",
    "Epoch 2: val_loss improved from 0.51230 to 0.48810, saving model to best",
    "Epoch 3: val_loss did not improve from 0.48810",
    "Epoch 4: val_loss improved from 0.48810 to 0.47000, saving model to best",
  ]);
  // mode max from the name, initialValueThreshold, weights only.
  const acc = ModelCheckpoint("w", {
    monitor: "val_accuracy",
    saveBestOnly: true,
    saveWeightsOnly: true,
    initialValueThreshold: 0.8,
    verbose: 1,
  });
  const out2 = await captureConsole(() =>
    drive(acc, model, [{ val_accuracy: 0.7 }, { val_accuracy: 0.85 }, { val_accuracy: 0.84 }]),
  );
  assert.deepEqual(model.saved.slice(3), ["weights:w"]);
  assert.deepEqual(out2.log, [
    "Epoch 1: val_accuracy did not improve from 0.80000",
    "Epoch 2: val_accuracy improved from 0.80000 to 0.85000, saving model to w",
    "Epoch 3: val_accuracy did not improve from 0.85000",
  ]);
  model.dispose();
});

test("ModelCheckpoint: every epoch by default, saying so with verbose; missing monitor still saves", async () => {
  const model = new DummyModel();
  const out = await captureConsole(() =>
    drive(ModelCheckpoint("c{epoch}", { verbose: 1 }), model, epochs.slice(0, 2)),
  );
  assert.deepEqual(out.log, ["Epoch 1: saving model to c1", "Epoch 2: saving model to c2"]);
  const out2 = await captureConsole(() =>
    drive(ModelCheckpoint("d", { saveBestOnly: true }), model, [{ loss: 1 }]),
  );
  assert.deepEqual(out2.warn, ["UserWarning: Can save best model only with val_loss available."]);
  assert.deepEqual(model.saved, ["model:c1", "model:c2", "model:d"]);
  model.dispose();
});

test("ModelCheckpoint: saveFreq in batches, with {batch} in the name", async () => {
  const model = new DummyModel();
  const ckpt = ModelCheckpoint("b{epoch}-{batch}", { saveFreq: 2 });
  ckpt.setModel(model);
  await ckpt.onTrainBegin();
  for (let epoch = 0; epoch < 2; epoch++) {
    await ckpt.onEpochBegin(epoch);
    for (let b = 0; b < 3; b++) await ckpt.onBatchEnd(b, { loss: 0.5 });
    await ckpt.onEpochEnd(epoch, { loss: 0.5 });
  }
  assert.deepEqual(model.saved, ["model:b1-2", "model:b2-1", "model:b2-3"]);
  assert.throws(() => ModelCheckpoint("x", { saveFreq: 0 }), {
    message:
      'ModelCheckpoint: saveFreq must be "epoch" or a positive integer number of batches; got 0',
  });
  model.dispose();
});

test("ModelCheckpoint: creates parent folders; a folder that cannot be created is a clear error", async () => {
  const dir = tempDir("ckpt-dirs");
  const model = new DummyModel();
  await drive(ModelCheckpoint(path.join(dir, "a", "b", "{epoch}")), model, epochs.slice(0, 1));
  assert.ok(fs.statSync(path.join(dir, "a", "b")).isDirectory());
  fs.writeFileSync(path.join(dir, "file"), "x");
  const bad = path.join(dir, "file", "sub", "m");
  await assert.rejects(drive(ModelCheckpoint(bad), model, epochs.slice(0, 1)), (e: Error) => {
    assert.equal(e.name, "ValueError");
    assert.match(
      e.message,
      /^ModelCheckpoint: cannot create the folder .*file\/sub for .*file\/sub\/m \(.*\); choose a writable filepath$/,
    );
    return true;
  });
  model.dispose();
});
