/**
 * Timing tslab-ml's own `fit` and `predict` on a lesson model.
 *
 * Behaviour: `oneEpoch` trains one more epoch (`fit` with `epochs: 1`; the model and its
 * optimizer carry on) and times it from `onEpochBegin` to `onEpochEnd`, so per-`fit` setup is
 * not counted, as in Keras's epoch time. `predictOnce` times `model.predict(x)` with the data
 * read back (`dataSync`). `paired` alternates runs of ours with runs of PyTorch's and gives
 * the median of each side's timed runs.
 *
 * Run: imported by `bench/run.ts`.
 *
 * @example
 * const m = lessonModel("regression");
 * const r = await paired(() => oneEpoch(m, 32), null, 1, 5); // r.ours e.g. 0.005
 */
import type * as tf from "@tensorflow/tfjs";
import type { LessonModel } from "./lessonModels";
import { median, round } from "./stats";

/** Seconds of one more training epoch (a `fit` of one epoch, timed from its begin to its end). */
export async function oneEpoch(m: LessonModel, batchSize: number): Promise<number> {
  let start = 0;
  let seconds = NaN;
  const timer = {
    onEpochBegin: () => {
      start = performance.now();
    },
    onEpochEnd: () => {
      seconds = (performance.now() - start) / 1000;
    },
  };
  await m.model.fit(m.x, m.y, { epochs: 1, batchSize, verbose: 0, callbacks: [timer] });
  return seconds;
}

/** Seconds of one `predict(x)`, the result read back. */
export function predictOnce(m: LessonModel, x: tf.Tensor, batchSize: number): number {
  const start = performance.now();
  const out = m.model.predict(x, { batchSize, verbose: 0 });
  out.dataSync();
  const seconds = (performance.now() - start) / 1000;
  out.dispose();
  return seconds;
}

/** Medians of both sides of a paired measurement, with every timed run of each. */
export interface Paired {
  ours: number;
  theirs: number | null;
  oursRuns: number[];
  theirsRuns: number[];
}

/**
 * Alternates one run of ours with one of theirs: `warmup` pairs untimed, then `timed` pairs, so
 * both sides see the same moments of a shared machine. `theirs` null (no PyTorch) runs ours
 * alone; a failed run of theirs (null) makes their side null.
 */
export async function paired(
  ours: () => number | Promise<number>,
  theirs: (() => Promise<number | null>) | null,
  warmup: number,
  timed: number,
): Promise<Paired> {
  const oursRuns: number[] = [];
  const theirsRuns: number[] = [];
  let failed = theirs === null;
  for (let i = 0; i < warmup + timed; i++) {
    const mine = await ours();
    const other = failed || theirs === null ? null : await theirs();
    if (other === null) failed = true;
    if (i < warmup) continue;
    oursRuns.push(round(mine, 5));
    if (other !== null) theirsRuns.push(other);
  }
  return {
    ours: round(median(oursRuns), 4),
    theirs: failed ? null : round(median(theirsRuns), 4),
    oursRuns,
    theirsRuns,
  };
}
