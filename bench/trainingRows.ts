/**
 * The compute rows of the side-by-side benchmark: matMul GFLOP/s, training seconds per epoch
 * and predict seconds, ours (tslab-ml on the active TensorFlow.js backend) beside PyTorch.
 *
 * Behaviour: one PyTorch process (bench/torch_models.py, one thread) runs beside ours for the
 * whole section, and every row alternates the two sides run by run (`paired`): a matMul form of
 * ours then of theirs; one epoch of ours, one of theirs (one warm-up pair, then the timed
 * pairs); one predict of each. Both sides of a row thus see the same moments of a shared
 * machine. Each row's `detail.runs` keeps every timed run of both sides. matMul reuses
 * `measureMatMulForm` from bench/matmul.ts. Every row whose ratio is above 2.0 also gets a
 * per-op profile (of one training step, or of one predict) in `detail`. Each row is handed to
 * `emit` as soon as it is measured.
 *
 * Run: imported by `bench/suite.ts` (`npm run bench`).
 *
 * @example
 * await trainingRows((row) => console.log(row.row)); // "matMul NN", … "MLP predict 10000 rows"
 */
import * as tf from "@tensorflow/tfjs";
import {
  disposeLesson,
  lessonModel,
  SHAPES,
  type LessonModel,
  type ModelName,
} from "./lessonModels";
import { FORMS, measureMatMulForm } from "./matmul";
import { formatProfile, profilePredict, profileStep } from "./profile";
import { makeRow, type Row } from "./rows";
import { COUNTS, TorchSession, torchProblem, type TorchRequest } from "./torchSide";
import { oneEpoch, paired, predictOnce, type Paired } from "./training";

type Emit = (row: Row) => void;

const RATIO_TARGET = { max: 2, of: "ratio" } as const;

const nullNote = (theirs: number | null) =>
  theirs === null ? (torchProblem() ?? undefined) : undefined;

/** Their side of a paired row: seconds from `req`, or null without PyTorch. */
const theirSeconds = (torch: TorchSession | null, req: TorchRequest) =>
  torch === null ? null : () => torch.number(req, "seconds");

async function matMulRows(emit: Emit, torch: TorchSession | null): Promise<void> {
  for (const form of FORMS) {
    const ours = measureMatMulForm(form);
    const theirs = torch === null ? null : await torch.number({ cmd: "matmul", form }, "gflops");
    const row = `matMul ${form} 512x784·784x256`;
    emit(makeRow(row, "GFLOP/s", ours, theirs, null, nullNote(theirs)));
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

/** A row from a paired measurement, its runs kept in `detail`. */
function pairedRow(label: string, unit: string, r: Paired): Row {
  const row = makeRow(label, unit, r.ours, r.theirs, RATIO_TARGET, nullNote(r.theirs));
  row.detail = { runs: { ours: r.oursRuns, pytorch: r.theirsRuns } };
  return row;
}

/** Times one training row, alternating epochs with PyTorch; profiles it when above target. */
async function trainingRow(
  emit: Emit,
  torch: TorchSession | null,
  label: string,
  name: ModelName,
  batch: number,
): Promise<void> {
  const m = lessonModel(name);
  const req = { cmd: "epoch", task: name, ...(name === "mlp" ? { batch } : {}) } as const;
  try {
    const r = await paired(
      () => oneEpoch(m, batch),
      theirSeconds(torch, req),
      COUNTS.warmupEpochs,
      COUNTS.timedEpochs,
    );
    const row = pairedRow(label, "s/epoch", r);
    if (row.ratio !== null && row.ratio > 2) {
      const profile = await profileStep(m, batch);
      const theirs = (await torch?.request({ ...req, cmd: "profile" }))?.profile ?? null;
      row.detail = { ...(row.detail as object), ours: profile, pytorch: theirs };
      console.error(`  profile of one step of ${label}:\n${formatProfile(profile)}`);
      if (theirs) console.error(formatTorchProfile(theirs as TorchProfile));
    }
    emit(row);
  } finally {
    disposeLesson(m);
  }
}

async function predictRow(emit: Emit, torch: TorchSession | null, m: LessonModel): Promise<void> {
  const { predictRows, predictBatch, layers } = SHAPES.mlp;
  const x = tf.randomUniform([predictRows, layers[0]], 0, 1, "float32", 7);
  try {
    const r = await paired(
      () => predictOnce(m, x, predictBatch),
      theirSeconds(torch, { cmd: "predict" }),
      1,
      COUNTS.predictRuns,
    );
    const label = `MLP predict ${predictRows} rows (batch ${predictBatch})`;
    const row = pairedRow(label, "s", r);
    if (row.ratio !== null && row.ratio > 2) {
      const profile = await profilePredict(m, x, predictBatch);
      row.detail = { ...(row.detail as object), ours: profile };
      console.error(`  profile of ${label}:\n${formatProfile(profile)}`);
    }
    emit(row);
  } finally {
    x.dispose();
  }
}

/** Measures and emits every compute row. */
export async function trainingRows(emit: Emit): Promise<void> {
  const torch = await TorchSession.open();
  try {
    await matMulRows(emit, torch);
    for (const batch of SHAPES.mlp.batches) {
      await trainingRow(emit, torch, `MLP 784-256-256-10 fit, batch ${batch}`, "mlp", batch);
    }
    const m = lessonModel("mlp");
    try {
      await predictRow(emit, torch, m);
    } finally {
      disposeLesson(m);
    }
    const regression = "Dense 13-64-1 regression fit, batch 32";
    await trainingRow(emit, torch, regression, "regression", SHAPES.regression.batch);
    await trainingRow(
      emit,
      torch,
      "LSTM(16)→GRU(8)→Dense(1) fit, batch 32",
      "rnn",
      SHAPES.rnn.batch,
    );
  } finally {
    torch?.close();
  }
}
