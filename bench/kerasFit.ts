/**
 * Benchmark: seconds per epoch of tslab-ml's `fit` loop against tfjs's own `LayersModel.fit` on
 * the same MLP 784-256-256-10 (4,800 rows, batch 128, Adam, categorical crossentropy with an
 * accuracy metric), on the active backend.
 *
 * Epochs alternate between the two (7 rounds, median) so that machine load affects both alike.
 * Run: `node dist/bench/kerasFit.js`. Prints ONE JSON object on stdout; never exits non-zero
 * (a failure is reported in `error`). `ratio` = ours ÷ tfjs (below 1.10 is the target).
 */
import * as tf from "@tensorflow/tfjs";
import { ready } from "../src/backend";
import * as keras from "../src/keras";

const ROWS = 4800;
const BATCH = 128;

function data(): { x: tf.Tensor; y: tf.Tensor } {
  const x = tf.randomUniform([ROWS, 784], 0, 1, "float32", 1);
  const labels = tf.randomUniform([ROWS], 0, 10, "int32", 2);
  return { x, y: tf.oneHot(labels, 10).toFloat() };
}

const ROUNDS = 7;

/** Median seconds per epoch of each fit, measured in alternation so that load affects both. */
async function timeEpochs(fits: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const f of fits) await f(); // warm-up: optimizer slots, kernels
  const times: number[][] = fits.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < fits.length; i++) {
      const t0 = performance.now();
      await fits[i]();
      times[i].push((performance.now() - t0) / 1000);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

async function main(): Promise<void> {
  const info = await ready();
  const { x, y } = data();
  const ours = keras.Sequential([
    keras.Input({ shape: [784] }),
    keras.layers.Dense(256, { activation: "relu" }),
    keras.layers.Dense(256, { activation: "relu" }),
    keras.layers.Dense(10, { activation: "softmax" }),
  ]);
  ours.compile({ optimizer: "adam", loss: "categorical_crossentropy", metrics: ["accuracy"] });
  const plain = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 256, activation: "relu" }),
      tf.layers.dense({ units: 256, activation: "relu" }),
      tf.layers.dense({ units: 10, activation: "softmax" }),
    ],
  });
  plain.compile({ optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const [oursSeconds, tfjsSeconds] = await timeEpochs([
    () => ours.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0 }),
    () => plain.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0 }),
  ]);
  const result = {
    backend: info.name,
    model: "MLP 784-256-256-10",
    rows: ROWS,
    batchSize: BATCH,
    oursEpochSeconds: Number(oursSeconds.toFixed(3)),
    tfjsEpochSeconds: Number(tfjsSeconds.toFixed(3)),
    ratio: Number((oursSeconds / tfjsSeconds).toFixed(3)),
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: String(error) }));
});
