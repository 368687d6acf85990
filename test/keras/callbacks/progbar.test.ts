import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { ProgbarLogger, ProgbarLoggerCallback, progressLine } from "../../../src/keras/callbacks";
import { formatEta, formatStepTime } from "../../../src/keras/callbacks/progressLine";
import { trainingLog } from "../../../src/keras/callbacks/trainingLog";
import { captureConsole, params } from "./helpers";

const BAR = "━".repeat(20);
const LOGS = {
  val_loss: 0.1456,
  loss: 0.12345,
  accuracy: 0.97123,
  val_accuracy: 0.95,
  batch: 3,
  size: 32,
};

test("progressLine: Keras 3's verbose-1 line (sorted keys, 4 decimals, time per step)", () => {
  assert.equal(
    progressLine({ current: 150, target: 150, elapsed: 1.2, perStep: 0.007, logs: LOGS }),
    `150/150 ${BAR} 1s 7ms/step - accuracy: 0.9712 - loss: 0.1235 - val_accuracy: 0.9500 - val_loss: 0.1456`,
  );
  // Mid-epoch: step count padded to the total's width, remaining time instead of elapsed.
  assert.equal(
    progressLine({
      current: 75,
      target: 150,
      elapsed: 0.5,
      perStep: 0.4,
      logs: { loss: -0.5, mae: 0.0005 },
    }),
    ` 75/150 ${BAR} 30s 400ms/step - loss: -0.5000 - mae: 5.0000e-04`,
  );
  // ANSI: bold count, done part green, the rest dim.
  assert.equal(
    progressLine({ current: 5, target: 20, elapsed: 0, perStep: 0.001, logs: {}, ansi: true }),
    `\x1b[1m 5/20\x1b[0m \x1b[32m${"━".repeat(5)}\x1b[0m\x1b[37m${"━".repeat(15)}\x1b[0m 0s 1ms/step`,
  );
});

test("progressLine: verbose 2 line; step times and remaining time as Keras formats them", () => {
  assert.equal(
    progressLine({
      current: 150,
      target: 150,
      elapsed: 1.5,
      perStep: 0.0123,
      logs: { loss: 0.25 },
      verbose: 2,
    }),
    "150/150 - 2s - 12ms/step - loss: 0.2500",
  );
  assert.deepEqual([1.5, 2.5, 0.0004, 0, 0.25].map(formatStepTime), [
    "2s/step",
    "2s/step",
    "400us/step",
    "0s/step",
    "250ms/step",
  ]);
  assert.deepEqual([5.9, 75, 3700.5].map(formatEta), ["5s", "1:15", "1:01:40"]);
});

const BRIDGE = Symbol.for("tslab-ml.kernel");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[BRIDGE];
});

function clock(times: number[]): () => number {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)];
}

/** One epoch of 3 batches; clock readings: epoch begin, 3 batch ends, epoch end. */
async function epoch(cb: ProgbarLoggerCallback, e: number) {
  await cb.onEpochBegin(e);
  for (let b = 0; b < 3; b++) await cb.onBatchEnd(b, { loss: 0.5 - b / 10 });
  await cb.onEpochEnd(e, { loss: 0.4, val_loss: 0.6 });
}

test("ProgbarLogger: in a terminal, `Epoch i/n` and only the final line of each epoch", async () => {
  const cb = new ProgbarLoggerCallback(
    { verbose: 1 },
    clock([0, 0.05, 0.06, 0.07, 0.08, 10, 10.5, 10.6, 10.7, 12.2]),
  );
  cb.setParams(params(2, 3));
  const out = await captureConsole(async () => {
    await epoch(cb, 0);
    await epoch(cb, 1);
  });
  assert.deepEqual(out.log, [
    "Epoch 1/2",
    `3/3 ${BAR} 0s 15ms/step - loss: 0.4000 - val_loss: 0.6000`,
    "Epoch 2/2",
    `3/3 ${BAR} 2s 850ms/step - loss: 0.4000 - val_loss: 0.6000`,
  ]);
});

test("ProgbarLogger: in a notebook, one output for the whole run updated in place, at most 10 times a second", async () => {
  const shown: Array<{ text: string; id?: string; update?: boolean }> = [];
  (globalThis as Record<symbol, unknown>)[BRIDGE] = {
    display: (bundle: Record<string, string>, o: { displayId?: string; update?: boolean }) =>
      void shown.push({ text: bundle["text/plain"], id: o.displayId, update: o.update }),
  };
  const cb = new ProgbarLoggerCallback({}, clock([0, 0.05, 0.1, 0.3, 0.4, 1, 1.1, 1.2, 1.3, 1.4]));
  cb.setParams(params(2, 3));
  const out = await captureConsole(async () => {
    await cb.onTrainBegin();
    await epoch(cb, 0);
    trainingLog("Epoch 1: val_loss improved from inf to 0.60000, saving model to m");
    await epoch(cb, 1);
    await cb.onTrainEnd();
    trainingLog("after the run");
  });
  assert.deepEqual(out.log, ["after the run"], "nothing printed while the view is open");
  assert.deepEqual(
    shown.slice(0, 3).map((s) => s.update),
    [undefined, true, true],
    "batch 1 shown, batch 2 throttled (0.05 s later), batch 3 and the final line update it",
  );
  assert.equal(
    shown[0].text,
    `Epoch 1/2\n\x1b[1m1/3\x1b[0m \x1b[32m${"━".repeat(6)}\x1b[0m\x1b[37m${"━".repeat(14)}\x1b[0m 0s 50ms/step - loss: 0.5000`,
  );
  assert.equal(
    shown[2].text,
    `Epoch 1/2\n3/3 ${BAR} 0s 175ms/step - loss: 0.4000 - val_loss: 0.6000`,
  );
  assert.equal(new Set(shown.map((s) => s.id)).size, 1, "one output for the run");
  assert.equal(shown.length, 7);
  assert.equal(
    shown[shown.length - 1].text,
    [
      "Epoch 1/2",
      `3/3 ${BAR} 0s 175ms/step - loss: 0.4000 - val_loss: 0.6000`,
      "Epoch 1: val_loss improved from inf to 0.60000, saving model to m",
      "Epoch 2/2",
      `3/3 ${BAR} 0s 150ms/step - loss: 0.4000 - val_loss: 0.6000`,
    ].join("\n"),
  );
});

test("ProgbarLogger: verbose 2 prints one line per epoch, also in a notebook; one epoch has no header", async () => {
  (globalThis as Record<symbol, unknown>)[BRIDGE] = {
    display: () => assert.fail("no display for verbose 2"),
  };
  const cb = new ProgbarLoggerCallback({ verbose: 2 }, clock([0, 0.1, 0.2, 0.3, 1.6]));
  cb.setParams(params(1, 3));
  const out = await captureConsole(() => epoch(cb, 0));
  assert.deepEqual(out.log, ["3/3 - 2s - 750ms/step - loss: 0.4000 - val_loss: 0.6000"]);
  assert.throws(() => ProgbarLogger({ verbose: 0 as never }), {
    message: "ProgbarLogger: verbose must be 1 or 2; got 0",
  });
});
