import { test } from "node:test";
import assert from "node:assert/strict";
import path from "path";
import { TensorBoard, TensorBoardCallback, TerminateOnNaN } from "../../../src/keras/callbacks";
import { captureConsole, DummyModel } from "./helpers";

test("TerminateOnNaN: stops at the first NaN or infinite batch loss with Keras's message", async () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const model = new DummyModel();
    const cb = TerminateOnNaN();
    cb.setModel(model);
    const out = await captureConsole(() => {
      cb.onBatchEnd(0, { loss: 0.5 });
      cb.onBatchEnd(1, { loss: 0.4 });
      assert.equal(model.stopTraining, false);
      cb.onBatchEnd(3, { loss: bad });
    });
    assert.equal(model.stopTraining, true);
    assert.deepEqual(out.log, ["Batch 3: Invalid loss, terminating training"]);
    model.dispose();
  }
  const strict = TerminateOnNaN({ raiseError: true });
  assert.throws(() => strict.onBatchEnd(2, { loss: NaN }), {
    message:
      "TerminateOnNaN: NaN or Inf loss encountered at batch 2. Loss value: nan. Terminating training immediately.",
  });
});

test("TensorBoard: without @tensorflow/tfjs-node, a clear error at construction", () => {
  assert.throws(() => TensorBoard({ logDir: "logs" }), {
    name: "ValueError",
    message:
      "TensorBoard: needs the native backend @tensorflow/tfjs-node, which is not installed; install it with " +
      '`npm install @tensorflow/tfjs-node`, or log the epochs with CSVLogger("training.csv") instead',
  });
});

test("TensorBoard: with tfjs-node's summary writers, epoch scalars go to train/ and validation/", () => {
  const written: string[] = [];
  const fake = {
    node: {
      summaryFileWriter: (dir: string) => ({
        scalar: (name: string, value: number, step: number) =>
          void written.push(`${dir}|${name}|${value}|${step}`),
        flush: () => void written.push(`${dir}|flush`),
      }),
    },
  };
  const cb = new TensorBoardCallback({ logDir: "runs" }, (id) => {
    assert.equal(id, "@tensorflow/tfjs-node");
    return fake;
  });
  cb.onTrainBegin();
  cb.onEpochEnd(0, { loss: 0.5, accuracy: 0.8, val_loss: 0.6, val_accuracy: 0.7 });
  const train = path.join("runs", "train");
  const val = path.join("runs", "validation");
  assert.deepEqual(written, [
    `${train}|epoch_loss|0.5|0`,
    `${train}|epoch_accuracy|0.8|0`,
    `${val}|epoch_loss|0.6|0`,
    `${val}|epoch_accuracy|0.7|0`,
    `${train}|flush`,
    `${val}|flush`,
  ]);
  const broken = () =>
    new TensorBoardCallback({}, () => {
      throw new Error("libtensorflow.so: cannot open shared object file");
    });
  assert.throws(
    broken,
    /which failed to load \(libtensorflow\.so: cannot open shared object file\)/,
  );
});
