/**
 * The compute rows of the side-by-side benchmark: matMul GFLOP/s, training seconds per epoch
 * and predict seconds, ours (tslab-ml on the active TensorFlow.js backend) beside PyTorch.
 *
 * Behaviour: each model group runs PyTorch first (bench/torch_models.py, one thread), then ours
 * right after it, so that both sides of a row see the same machine load. matMul reuses
 * `measureMatMul` from bench/matmul.ts. Every training row whose ratio is above 2.0 gets a
 * per-op profile of one training step on both sides in `detail`. Each row is handed to `emit`
 * as soon as it is measured.
 *
 * Run: imported by `bench/suite.ts` (`npm run bench`).
 *
 * @example
 * await trainingRows((row) => console.log(row.row)); // "matMul NN", … "MLP predict 10000 rows"
 */
import * as tf from "@tensorflow/tfjs";
import { disposeLesson, lessonModel, SHAPES, type ModelName } from "./lessonModels";
import { FORMS, measureMatMul } from "./matmul";
import { formatProfile, profilePredict, profileStep } from "./profile";
import { makeRow, type Row } from "./rows";
import { COUNTS, runTorch, torchProblem } from "./torchSide";
import { epochSeconds, predictSeconds } from "./training";

type Emit = (row: Row) => void;

const RATIO_TARGET = { max: 2, of: "ratio" } as const;

const nullNote = (theirs: number | null) =>
  theirs === null ? (torchProblem() ?? undefined) : undefined;

function matMulRows(emit: Emit): void {
  const torch = runTorch(["matmul"])?.matmul as { gflops: Record<string, number> } | undefined;
  const ours = measureMatMul();
  for (const form of FORMS) {
    const theirs = torch?.gflops[form] ?? null;
    emit(
      makeRow(
        `matMul ${form} 512x784·784x256`,
        "GFLOP/s",
        ours[form],
        theirs,
        null,
        nullNote(theirs),
      ),
    );
  }
}

interface TorchProfile {
  stepMs: number;
  ops: Array<{ op: string; calls: number; selfMs: number }>;
}

function formatTorchProfile(p: TorchProfile, n = 5): string {
  const ops = p.ops
    .slice(0, n)
    .map(
      (o) =>
        `      ${o.op.slice(0, 40).padEnd(40)} ${String(o.calls).padStart(5)}×  ${o.selfMs.toFixed(3)} ms`,
    );
  return [`    PyTorch: ${p.stepMs} ms per step, top ops by self time:`, ...ops].join("\n");
}

interface TorchTraining {
  epochSeconds: number | Record<string, number>;
  profile?: unknown;
  predictSeconds?: number;
}

/** Times one training row of ours, profiles it when above target, and emits it. */
async function trainingRow(
  emit: Emit,
  label: string,
  name: ModelName,
  batch: number,
  theirs: number | null,
  theirProfile: unknown,
): Promise<void> {
  const m = lessonModel(name);
  try {
    const ours = await epochSeconds(m, batch, COUNTS.warmupEpochs, COUNTS.timedEpochs);
    const row = makeRow(label, "s/epoch", ours, theirs, RATIO_TARGET, nullNote(theirs));
    if (row.ratio !== null && row.ratio > 2) {
      const profile = await profileStep(m, batch);
      row.detail = { ours: profile, pytorch: theirProfile ?? null };
      console.error(`  profile of one step of ${label}:\n${formatProfile(profile)}`);
      if (theirProfile) console.error(formatTorchProfile(theirProfile as TorchProfile));
    }
    emit(row);
  } finally {
    disposeLesson(m);
  }
}

async function mlpRows(emit: Emit): Promise<void> {
  const profiles = SHAPES.mlp.batches.map((b) => `mlp${b}`);
  const torch = runTorch(["mlp"], profiles)?.mlp as TorchTraining | undefined;
  const epochs = torch?.epochSeconds as Record<string, number> | undefined;
  const torchProfiles = torch?.profile as Record<string, unknown> | undefined;
  for (const batch of SHAPES.mlp.batches) {
    const label = `MLP 784-256-256-10 fit, batch ${batch}`;
    const theirs = epochs?.[String(batch)] ?? null;
    await trainingRow(emit, label, "mlp", batch, theirs, torchProfiles?.[String(batch)]);
  }
  const m = lessonModel("mlp");
  const x = tf.randomUniform([SHAPES.mlp.predictRows, SHAPES.mlp.layers[0]], 0, 1, "float32", 7);
  try {
    const ours = predictSeconds(m, x, SHAPES.mlp.predictBatch, COUNTS.predictRuns);
    const theirs = torch?.predictSeconds ?? null;
    const label = `MLP predict ${SHAPES.mlp.predictRows} rows (batch ${SHAPES.mlp.predictBatch})`;
    const row = makeRow(label, "s", ours, theirs, RATIO_TARGET, nullNote(theirs));
    if (row.ratio !== null && row.ratio > 2) {
      const profile = await profilePredict(m, x, SHAPES.mlp.predictBatch);
      row.detail = { ours: profile };
      console.error(`  profile of ${label}:\n${formatProfile(profile)}`);
    }
    emit(row);
  } finally {
    x.dispose();
    disposeLesson(m);
  }
}

async function singleRow(emit: Emit, name: "regression" | "rnn", label: string): Promise<void> {
  const torch = runTorch([name], [name])?.[name] as TorchTraining | undefined;
  const theirs = (torch?.epochSeconds as number | undefined) ?? null;
  await trainingRow(emit, label, name, SHAPES[name].batch, theirs, torch?.profile);
}

/** Measures and emits every compute row. */
export async function trainingRows(emit: Emit): Promise<void> {
  matMulRows(emit);
  await mlpRows(emit);
  await singleRow(emit, "regression", "Dense 13-64-1 regression fit, batch 32");
  await singleRow(emit, "rnn", "LSTM(16)→GRU(8)→Dense(1) fit, batch 32");
}
