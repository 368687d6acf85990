/**
 * `evaluate` and `predict` of the Keras-style models.
 *
 * Behaviour: both accept the same inputs as `fit` and check shapes the same way. `evaluate`
 * returns the loss with regularisation penalties (as Keras) and the compiled metrics computed
 * over all rows; `predict` returns one tf.Tensor and frees every intermediate tensor.
 *
 * Progress, as Keras 3: with `verbose` 1, the default for both (Keras's `"auto"` in a
 * notebook), each call prints one line when it is done, `32/32 ━━━━━━━━━━━━━━━━━━━━ 0s
 * 2ms/step - accuracy: 0.8800 - loss: 0.3100` for `evaluate` and the same without values for
 * `predict`; `verbose: 2` prints `32/32 - 0s - 2ms/step - loss: 0.3100`; `verbose: 0` prints
 * nothing. The time per step is the mean over all batches. The default follows Keras so that
 * lessons look like Keras's; pass `verbose: 0` for `predict` inside loops and callbacks (a
 * `predict` per epoch would otherwise print a line per epoch, as in Keras). Options other than
 * `batchSize` and `verbose` are errors naming the closest one (`batch_size` → `batchSize`).
 *
 * @example
 * model.evaluate(xTest, yTest); // { loss: 0.31, accuracy: 0.88 }, printing
 * // 4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.8800 - loss: 0.3100
 * model.predict(xTest, { verbose: 0 }).arraySync(); // [[0.93], [0.12], …]
 */
import * as tf from "@tensorflow/tfjs";
import { withPackedWeights } from "../../backend/gemm/gemmKernel";
import { performance } from "perf_hooks";
import type { Logs } from "../callbacks/callback";
import { progressLine } from "../callbacks/progressLine";
import { epochMetrics } from "./compile";
import { convertInputs, convertTarget, type Converted, type ModelData } from "./data";
import { evaluateData } from "./steps";
import { HostRows } from "./hostRows";
import type { KerasModel } from "./model";
import { checkPositiveInteger, checkSameLength } from "../../validation/checks";
import { ValueError, describe } from "../../validation/errors";
import { checkOptions } from "../../data/options";

const OPTIONS = ["batchSize", "verbose"];

/** Options of `evaluate` and `predict`. */
export interface InferenceOptions {
  /** Rows per batch [32]. */
  batchSize?: number;
  /** 0 silent, 1 a progress line when done, 2 a plain line when done (see the module doc) [1]. */
  verbose?: 0 | 1 | 2;
}

function checkVerbose(where: string, verbose: unknown): 0 | 1 | 2 {
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) {
    throw new ValueError(`${where}: verbose must be 0, 1 or 2; got ${describe(verbose)}`);
  }
  return verbose;
}

/** Prints the final progress line of `rows` rows in batches of `batchSize` (verbose 1 or 2). */
function printProgress(
  verbose: 0 | 1 | 2,
  rows: number,
  batchSize: number,
  started: number,
  logs: Logs,
): void {
  if (verbose === 0) return;
  const steps = Math.ceil(rows / batchSize);
  const elapsed = (performance.now() - started) / 1000;
  const perStep = steps > 0 ? elapsed / steps : 0;
  console.log(progressLine({ current: steps, target: steps, elapsed, perStep, logs, verbose }));
}

/** `model.evaluate`: a number when there are no metrics, else `{loss, metric…}`. */
export function runEvaluate(
  model: KerasModel,
  x: ModelData,
  y: ModelData,
  options: InferenceOptions,
): number | Record<string, number> {
  const compiled = model.requireCompiled("evaluate");
  checkOptions("evaluate", options, OPTIONS);
  const batchSize = checkPositiveInteger("evaluate", "batchSize", options.batchSize ?? 32);
  const verbose = checkVerbose("evaluate", options.verbose ?? 1);
  model.buildFor(x, "evaluate");
  const conv: Converted[] = [];
  try {
    const xs = convertInputs(x, model.inputShapes(), "evaluate");
    conv.push(xs);
    const ys = convertTarget(y, model.outputWidth(), compiled.loss.name, "evaluate");
    conv.push(ys);
    checkSameLength("evaluate", "x", xs.tensors[0].shape[0], "y", ys.tensors[0].shape[0]);
    const metrics = epochMetrics(compiled, model.outputWidth());
    const started = performance.now();
    const logs = evaluateData(
      model.tfModel,
      compiled.loss.fn,
      metrics,
      new HostRows([...xs.tensors, ys.tensors[0]]),
      batchSize,
    );
    printProgress(verbose, xs.tensors[0].shape[0], batchSize, started, logs);
    return metrics.length === 0 ? logs.loss : logs;
  } finally {
    for (const c of conv) c.dispose();
  }
}

/** The model's outputs for `inputs`, batch by batch (rows cut on the host, see HostRows). */
function predictRows(tfModel: tf.LayersModel, inputs: tf.Tensor[], batchSize: number): tf.Tensor {
  const rows = new HostRows(inputs);
  if (rows.rows === 0)
    return tfModel.predict(inputs.length === 1 ? inputs[0] : inputs) as tf.Tensor;
  const parts: tf.Tensor[] = [];
  // `execute` runs the graph in inference mode as `predictOnBatch` does, without the copies its
  // `predictLoop` makes (a slice of the whole batch, then a concat of the one output).
  const outputName = [tfModel.outputs[0].name];
  // The weights do not change during predict: the wasm GEMM packs each of them once.
  withPackedWeights(() => {
    for (let start = 0; start < rows.rows; start += batchSize) {
      const batch = rows.slice(start, Math.min(batchSize, rows.rows - start));
      parts.push(
        (tfModel.execute(batch.length === 1 ? batch[0] : batch, outputName) as tf.Tensor[])[0],
      );
      tf.dispose(batch);
    }
  });
  if (parts.length === 1) return parts[0];
  const out = tf.concat(parts);
  tf.dispose(parts);
  return out;
}

/** `model.predict`: the outputs as one tensor. */
export function runPredict(model: KerasModel, x: ModelData, options: InferenceOptions): tf.Tensor {
  checkOptions("predict", options, OPTIONS);
  const batchSize = checkPositiveInteger("predict", "batchSize", options.batchSize ?? 32);
  const verbose = checkVerbose("predict", options.verbose ?? 1);
  model.buildFor(x, "predict");
  const xs = convertInputs(x, model.inputShapes(), "predict");
  try {
    const started = performance.now();
    const out = predictRows(model.tfModel, xs.tensors, batchSize);
    printProgress(verbose, xs.tensors[0].shape[0], batchSize, started, {});
    return out;
  } finally {
    xs.dispose();
  }
}
