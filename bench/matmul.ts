/**
 * Benchmark of the active TensorFlow.js backend: matMul GFLOP/s in the four transpose forms and
 * one MLP training epoch, each with and without tslab-ml's wasm matMul fix.
 *
 * Run: `node dist/bench/matmul.js` (or `npm run bench`). Prints ONE JSON object on stdout and a
 * readable summary on stderr. Never exits non-zero: a failure is reported in the JSON's `error`.
 * `gflopsWithoutFix`/`mlpEpochSecondsWithoutFix` are null unless the backend is wasm;
 * `speedup` is fixed ÷ unfixed GFLOP/s per form and unfixed ÷ fixed seconds for the epoch.
 * Honours `TSLAB_ML_BACKEND` like the library does. `measureMatMulForm` is exported for
 * `bench/run.ts` (the side-by-side benchmark); importing this file does not run it.
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendInfo } from "../src/backend";

export const M = 512;
export const K = 784;
export const N = 256;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 15;
export const FORMS = ["NN", "NT", "TN", "TT"] as const;
export type Form = (typeof FORMS)[number];
export type Rates = Record<Form, number>;

const MLP_ROWS = 4800;
const MLP_BATCH = 128;
const MLP_LAYERS = [784, 256, 256, 10];

/** The fix on/off switch, available only when the wasm backend is active. */
interface FixSwitch {
  enable(): void;
  disable(): void;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * GFLOP/s of an [M,K]·[K,N] product in one transpose form (median of the timed runs). The
 * operands are shaped so that the product is always [M,N]: for "T" the operand is stored
 * transposed.
 */
export function measureMatMulForm(form: Form): number {
  const transposeA = form[0] === "T";
  const transposeB = form[1] === "T";
  const a = tf.randomUniform(transposeA ? [K, M] : [M, K]);
  const b = tf.randomUniform(transposeB ? [N, K] : [K, N]);
  const times: number[] = [];
  for (let i = 0; i < WARMUP_RUNS + TIMED_RUNS; i++) {
    const start = performance.now();
    const c = tf.matMul(a, b, transposeA, transposeB);
    c.dataSync();
    const ms = performance.now() - start;
    c.dispose();
    if (i >= WARMUP_RUNS) times.push(ms);
  }
  tf.dispose([a, b]);
  return round((2 * M * K * N) / (median(times) / 1000) / 1e9);
}

/** GFLOP/s in each transpose form. */
export function measureMatMul(): Rates {
  return Object.fromEntries(FORMS.map((form) => [form, measureMatMulForm(form)])) as Rates;
}

/** Seconds for one epoch of an MLP 784-256-256-10 on random data (after a warm-up epoch). */
async function measureMlpEpoch(): Promise<number> {
  const xs = tf.randomUniform([MLP_ROWS, MLP_LAYERS[0]], 0, 1, "float32", 1);
  const labels = tf.randomUniform([MLP_ROWS], 0, MLP_LAYERS[3], "int32", 2);
  const ys = tf.oneHot(labels, MLP_LAYERS[3]);
  const model = tf.sequential();
  model.add(
    tf.layers.dense({ inputShape: [MLP_LAYERS[0]], units: MLP_LAYERS[1], activation: "relu" }),
  );
  model.add(tf.layers.dense({ units: MLP_LAYERS[2], activation: "relu" }));
  model.add(tf.layers.dense({ units: MLP_LAYERS[3], activation: "softmax" }));
  model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
  const fitOnce = () => model.fit(xs, ys, { epochs: 1, batchSize: MLP_BATCH, verbose: 0 });
  await fitOnce(); // warm-up: optimizer slots, first-call costs
  const start = performance.now();
  await fitOnce();
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  tf.dispose([xs, labels, ys]);
  return round(seconds, 3);
}

function ratio(fixed: number | null, unfixed: number | null): number | null {
  return fixed === null || unfixed === null || unfixed === 0 ? null : round(fixed / unfixed);
}

async function loadFixSwitch(name: string): Promise<FixSwitch | null> {
  if (name !== "wasm") return null;
  const fix = await import("../src/backend/wasmMatMul");
  return { enable: fix.installWasmMatMulFix, disable: fix.uninstallWasmMatMulFix };
}

async function benchmark(): Promise<Record<string, unknown>> {
  // stdout is reserved for the JSON object; the backend line goes to stderr below.
  process.env.TSLAB_ML_QUIET = "1";
  const backend = await import("../src/backend");
  const { formatBackendInfo } = await import("../src/backend/info");
  const info: BackendInfo = await backend.ready();
  console.error(formatBackendInfo(info));
  const fix = await loadFixSwitch(info.name);

  fix?.enable();
  const gflops = measureMatMul();
  const mlpEpochSeconds = await measureMlpEpoch();
  let gflopsWithoutFix: Rates | null = null;
  let mlpEpochSecondsWithoutFix: number | null = null;
  if (fix !== null) {
    fix.disable();
    try {
      gflopsWithoutFix = measureMatMul();
      mlpEpochSecondsWithoutFix = await measureMlpEpoch();
    } finally {
      fix.enable();
    }
  }
  const speedup = {
    ...Object.fromEntries(FORMS.map((f) => [f, ratio(gflops[f], gflopsWithoutFix?.[f] ?? null)])),
    mlpEpoch: ratio(mlpEpochSecondsWithoutFix, mlpEpochSeconds),
  };
  return {
    backend: info.name,
    tfjsVersion: info.tfjsVersion,
    simd: info.simd ?? null,
    threads: info.threads ?? null,
    matMul: {
      m: M,
      k: K,
      n: N,
      warmupRuns: WARMUP_RUNS,
      timedRuns: TIMED_RUNS,
      statistic: "median",
    },
    gflops,
    gflopsWithoutFix,
    mlp: { layers: MLP_LAYERS, rows: MLP_ROWS, batchSize: MLP_BATCH, optimizer: "adam" },
    mlpEpochSeconds,
    mlpEpochSecondsWithoutFix,
    speedup,
  };
}

function summarize(result: Record<string, unknown>): string {
  const gflops = result.gflops as Rates;
  const without = result.gflopsWithoutFix as Rates | null;
  const lines = [`matMul ${M}x${K} · ${K}x${N} on ${String(result.backend)}, GFLOP/s (median):`];
  for (const form of FORMS) {
    const old = without === null ? "" : `   without fix ${without[form].toFixed(2).padStart(7)}`;
    lines.push(`  ${form}  ${gflops[form].toFixed(2).padStart(7)}${old}`);
  }
  const epoch = `MLP ${MLP_LAYERS.join("-")} epoch (${MLP_ROWS} rows, batch ${MLP_BATCH}): `;
  const oldEpoch = result.mlpEpochSecondsWithoutFix;
  lines.push(
    epoch +
      `${String(result.mlpEpochSeconds)} s` +
      (oldEpoch === null ? "" : `, without fix ${String(oldEpoch)} s`),
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  let result: Record<string, unknown>;
  try {
    result = await benchmark();
    console.error(summarize(result));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { error: message };
    console.error(`bench/matmul: failed: ${message}`);
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (require.main === module) void main();
