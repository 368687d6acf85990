/**
 * Load times of the shipped datasets (cold first load, then the median of warm loads) and of
 * readCsv on the Seattle weather file.
 *
 * Run: `node dist/bench/datasets.js`. Prints ONE JSON object on stdout (milliseconds) and a
 * readable summary on stderr. Never exits non-zero: a failure is reported in the JSON's `error`.
 * The target is a MNIST load under 1 s.
 */
import * as tf from "@tensorflow/tfjs";
import { datasets, readCsv } from "../src/data";
import { dataFile } from "../src/data/packageRoot";

process.env.TSLAB_ML_QUIET ??= "1";

const WARM_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function time(load: () => unknown): { coldMs: number; warmMedianMs: number } {
  const once = () => {
    const start = performance.now();
    const out = load();
    const ms = performance.now() - start;
    tf.dispose(out as tf.TensorContainer);
    return ms;
  };
  const coldMs = once();
  const warm = Array.from({ length: WARM_RUNS }, once);
  return { coldMs: round(coldMs), warmMedianMs: round(median(warm)) };
}

async function main(): Promise<void> {
  const { ready, backendInfo } = await import("../src/backend");
  await ready();
  const result = {
    backend: backendInfo().name,
    mnist: time(() => datasets.mnist()),
    mnistLimit1000: time(() => datasets.mnist({ limit: 1000 })),
    bostonHousing: time(() => datasets.bostonHousing()),
    breastCancer: time(() => datasets.breastCancer()),
    seattleWeather: time(() => datasets.seattleWeather()),
    readCsvSeattleParseDates: time(() =>
      readCsv(dataFile("seattle-weather.csv"), { parseDates: ["date"] }),
    ),
  };
  console.log(JSON.stringify(result));
  for (const [k, v] of Object.entries(result)) {
    if (typeof v === "object")
      console.error(`${k}: cold ${v.coldMs} ms, warm ${v.warmMedianMs} ms`);
  }
}

main().catch((e: Error) => {
  console.log(JSON.stringify({ error: e.message }));
});
