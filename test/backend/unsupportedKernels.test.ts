import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { selectBackend } from "../../src/backend/select";
import {
  installUnsupportedKernelStubs,
  missingWasmKernels,
  uninstallUnsupportedKernelStubs,
  unsupportedKernelMessage,
} from "../../src/backend/unsupportedKernels";

/** Resolves to the error `promise` rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    return error;
  }
  assert.fail("expected the promise to reject");
}

function conv2dModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 2, kernelSize: 3 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 2, activation: "softmax" }));
  model.compile({ optimizer: "sgd", loss: "categoricalCrossentropy" });
  return model;
}

function embeddingModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 3 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: "sgd", loss: "meanSquaredError" });
  return model;
}

before(async () => {
  process.env.TSLAB_ML_QUIET = "1";
  assert.equal((await selectBackend({ request: "wasm" })).name, "wasm");
});

test("every cpu kernel now has a wasm kernel (real or explanatory placeholder)", () => {
  const remaining = missingWasmKernels().filter((name) => tf.getKernel(name, "wasm") === undefined);
  assert.deepEqual(remaining.sort(), ["Draw"], "only the probed Draw kernel stays missing");
  assert.ok(tf.getKernel("Conv2DBackpropFilter", "wasm") !== undefined);
  const before = tf.getKernelsForBackend("wasm").length;
  installUnsupportedKernelStubs();
  assert.equal(tf.getKernelsForBackend("wasm").length, before, "second install is a no-op");
  const removed = uninstallUnsupportedKernelStubs();
  assert.ok(removed.includes("UnsortedSegmentSum") && !removed.includes("BatchMatMul"));
  assert.equal(tf.getKernel("Conv2DBackpropFilter", "wasm"), undefined);
  assert.ok(tf.getKernel("Conv2D", "wasm") !== undefined, "real kernels are never removed");
  assert.deepEqual(installUnsupportedKernelStubs().sort(), removed.sort());
});

test("training Conv2D on wasm fails with a message naming the op and the fix", async () => {
  await tf.setBackend("wasm");
  const xs = tf.randomNormal([4, 8, 8, 1]);
  const ys = tf.oneHot(tf.tensor1d([0, 1, 0, 1], "int32"), 2);
  const error = await rejection(conv2dModel().fit(xs, ys, { epochs: 1, verbose: 0 }));
  assert.match(error.message, /^Conv2DBackpropFilter is not implemented on the wasm backend/);
  assert.match(error.message, /train Conv2D layers/);
  assert.ok(error.message.includes('setBackend("cpu")'), error.message);
  assert.equal(error.message, unsupportedKernelMessage("Conv2DBackpropFilter"));
  tf.dispose([xs, ys]);
});

test("training an Embedding on wasm names UnsortedSegmentSum", async () => {
  await tf.setBackend("wasm");
  const xs = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
  const ys = tf.tensor2d([1, 0], [2, 1]);
  const error = await rejection(embeddingModel().fit(xs, ys, { epochs: 1, verbose: 0 }));
  assert.match(error.message, /^UnsortedSegmentSum is not implemented on the wasm backend/);
  assert.match(error.message, /Embedding/);
  tf.dispose([xs, ys]);
});

test("ops that wasm implements still work on wasm (forward conv, dense training)", async () => {
  await tf.setBackend("wasm");
  const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
  const filter = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
  assert.deepEqual(Array.from(tf.conv2d(x, filter, 1, "valid").dataSync()), [9, 9, 9, 9]);
  assert.deepEqual(Array.from(tf.gather(tf.tensor1d([5, 6, 7]), [2, 0]).dataSync()), [7, 5]);
  const probs = tf.softmax(tf.tensor1d([0, Math.log(3)])).dataSync();
  assert.ok(Math.abs(probs[1] - 0.75) < 1e-6);
  assert.deepEqual(Array.from(tf.mean(tf.tensor2d([1, 2, 3, 4], [2, 2]), 0).dataSync()), [2, 3]);
  // Conv2D inference and Embedding inference need no gradient kernels.
  assert.deepEqual(conv2dModel().predict(tf.zeros([1, 8, 8, 1])) instanceof tf.Tensor, true);
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [3], units: 4, activation: "relu" }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: "adam", loss: "meanSquaredError" });
  const history = await model.fit(tf.randomNormal([16, 3]), tf.randomNormal([16, 1]), {
    epochs: 2,
    verbose: 0,
  });
  assert.equal(history.history.loss.length, 2);
  assert.ok(Number.isFinite(history.history.loss[1] as number));
});

test("following the advice works: after tf.setBackend('cpu') Conv2D trains", async () => {
  await tf.setBackend("cpu");
  const xs = tf.randomNormal([4, 8, 8, 1]);
  const ys = tf.oneHot(tf.tensor1d([0, 1, 0, 1], "int32"), 2);
  const history = await conv2dModel().fit(xs, ys, { epochs: 1, verbose: 0 });
  assert.ok(Number.isFinite(history.history.loss[0] as number));
  tf.dispose([xs, ys]);
  await tf.setBackend("wasm");
});
