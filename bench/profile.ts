/**
 * Per-op profiles on the active backend: where the time of a row above its target goes.
 *
 * Behaviour: `profileStep` runs the same work as one batch of tslab-ml's `fit` (gather the
 * batch rows, then the `trainStep` that `fit` calls: forward, loss, gradients, Adam update, loss
 * read back) on an already-trained model; `profilePredict` runs `model.predict`. Each is first
 * timed unprofiled (`wallMs`, median of `runs`), then run once inside `tf.profile`, whose kernels
 * are aggregated by name (calls, total ms, share of the kernel time), sorted by time. The
 * profiler reads every output back, so the profiled total (`kernelMs`) can exceed `wallMs`:
 * compare shares, not absolute numbers. `formatProfile` renders the top ops as text.
 *
 * Run: imported by `bench/trainingRows.ts`, which profiles every row whose ratio is above 2.
 *
 * @example
 * const p = await profileStep(lessonModel("regression"), 32);
 * p.ops[0]; // { op: "BatchMatMul", calls: 4, ms: 0.12, share: 0.17 }
 */
import * as tf from "@tensorflow/tfjs";
import { HostRows } from "../src/keras/engine/hostRows";
import { trainStep } from "../src/keras/engine/steps";
import { resolveLoss } from "../src/keras/losses";
import type { LessonModel } from "./lessonModels";
import { median, round } from "./stats";

/** Aggregated kernel timings of one profiled call. */
export interface OpProfile {
  /** Median wall time of the unprofiled call (null when not timed here). */
  wallMs: number | null;
  /** Sum of the kernels' times in the profiled call. */
  kernelMs: number;
  kernels: number;
  ops: Array<{ op: string; calls: number; ms: number; share: number }>;
}

/** Warm-up plus `runs` timed calls (none when `runs` is 0), then one profiled call. */
async function profileOps(run: () => void, runs: number, top: number): Promise<OpProfile> {
  if (runs > 0) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const info = await tf.profile(run);
  const byName = new Map<string, { calls: number; ms: number }>();
  let kernelMs = 0;
  for (const k of info.kernels) {
    const ms = Number(await k.kernelTimeMs) || 0;
    kernelMs += ms;
    const agg = byName.get(k.name) ?? { calls: 0, ms: 0 };
    agg.calls += 1;
    agg.ms += ms;
    byName.set(k.name, agg);
  }
  const ops = [...byName.entries()]
    .map(([op, a]) => ({
      op,
      calls: a.calls,
      ms: round(a.ms, 3),
      share: round(a.ms / kernelMs, 3),
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  return {
    wallMs: runs > 0 ? round(median(times), 3) : null,
    kernelMs: round(kernelMs, 3),
    kernels: info.kernels.length,
    ops,
  };
}

/** Profiles one `fit` batch of `batchSize` rows; `top` ops are kept. */
export async function profileStep(m: LessonModel, batchSize: number, top = 15): Promise<OpProfile> {
  const loss = resolveLoss(m.loss, "bench").fn;
  const rows = Int32Array.from({ length: batchSize }, (_, i) => (i * 7919) % m.x.shape[0]);
  const host = new HostRows([m.x, m.y]);
  const step = () => {
    const [xb, yb] = host.gather(rows);
    trainStep(m.model.tfModel, m.model.optimizer, loss, [], [xb], yb);
    tf.dispose([xb, yb]);
  };
  return profileOps(step, 20, top);
}

/** Profiles one `model.predict(x)` (result read back; not timed again here); `top` ops kept. */
export async function profilePredict(
  m: LessonModel,
  x: tf.Tensor,
  batchSize: number,
  top = 10,
): Promise<OpProfile> {
  const run = () => {
    const out = m.model.predict(x, { batchSize, verbose: 0 });
    out.dataSync();
    out.dispose();
  };
  return profileOps(run, 0, top);
}

/** The top `n` ops as indented text lines. */
export function formatProfile(p: OpProfile, n = 8): string {
  const wall = p.wallMs === null ? "" : `, ${p.wallMs} ms unprofiled`;
  const head = `    ${p.kernels} kernels${wall}, ${p.kernelMs} ms in kernels when profiled`;
  const ops = p.ops
    .slice(0, n)
    .map(
      (o) =>
        `      ${o.op.padEnd(18)} ${String(o.calls).padStart(5)}×  ${o.ms.toFixed(3).padStart(9)} ms  ${(o.share * 100).toFixed(1).padStart(5)}%`,
    );
  return [head, ...ops].join("\n");
}
