/**
 * Timing tslab-ml's own `fit` and `predict` on a lesson model.
 *
 * Behaviour: `epochSeconds` runs ONE `fit` of `warmup + timed` epochs and times each epoch from
 * `onEpochBegin` to `onEpochEnd` (so per-`fit` setup is not counted, as in Keras's epoch time);
 * the result is the median of the timed epochs after the warm-up ones. `predictSeconds` times
 * `model.predict(x)` with the data read back (`dataSync`), median of `runs` after one warm-up.
 *
 * Run: imported by `bench/run.ts`.
 *
 * @example
 * const m = lessonModel("regression");
 * await epochSeconds(m, 32, 1, 5); // e.g. 0.05
 */
import type * as tf from "@tensorflow/tfjs";
import type { LessonModel } from "./lessonModels";
import { median, round } from "./stats";

/** Median seconds per epoch of the timed epochs (after `warmup` epochs) of one `fit`. */
export async function epochSeconds(
  m: LessonModel,
  batchSize: number,
  warmup: number,
  timed: number,
): Promise<number> {
  const times: number[] = [];
  let start = 0;
  const timer = {
    onEpochBegin: () => {
      start = performance.now();
    },
    onEpochEnd: (epoch: number) => {
      if (epoch >= warmup) times.push((performance.now() - start) / 1000);
    },
  };
  await m.model.fit(m.x, m.y, {
    epochs: warmup + timed,
    batchSize,
    verbose: 0,
    callbacks: [timer],
  });
  return round(median(times), 4);
}

/** Median seconds of `predict(x)` (result read back) over `runs`, after one warm-up. */
export function predictSeconds(m: LessonModel, x: tf.Tensor, batchSize: number, runs: number) {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const out = m.model.predict(x, { batchSize, verbose: 0 });
    out.dataSync();
    const seconds = (performance.now() - start) / 1000;
    out.dispose();
    if (i > 0) times.push(seconds);
  }
  return round(median(times), 4);
}
