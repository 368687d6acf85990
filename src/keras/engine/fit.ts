/**
 * The training loop behind `model.fit` (see `FitOptions` for the options).
 *
 * Behaviour, as Keras: `validationSplit` keeps the last fraction of rows (taken before
 * shuffling); rows are shuffled each epoch; each batch takes one optimizer step on
 * `mean loss + penalties`; epoch logs hold the batch-size-weighted mean loss and metrics from
 * accumulated counts, then `val_*` from the validation data; callbacks run in order (the
 * progress bar last, as Keras appends it) and `model.stopTraining = true` is checked after each
 * batch and each epoch: training ends there, and an epoch cut short still gets its epoch end
 * (logs of the batches run, validation, `onEpochEnd`), as Keras does. Once the optimizer's
 * learning rate differs from its value at the start, `learning_rate` is logged for every epoch
 * (earlier epochs get the initial rate), so it lines up with `loss` in the History.
 *
 * Unlike Keras, which trains on to a History of NaN, NaN or ±Infinity in x, y or validationData
 * is refused before the first step, with the column and first row named (`finite.ts`).
 *
 * Interrupt: the loop gives the event loop a turn (`setImmediate`) after a batch when more than
 * 50 ms passed since the last turn, so the kernel's interrupt handler can run during a long
 * `fit`. An interrupt stops after the current batch: `fit` prints one line
 * (`Training interrupted at epoch 3, batch 17/150; …`), calls the callbacks' `onTrainEnd` (so
 * EarlyStopping frees its copies and restores its best weights) and resolves with the History
 * of the epochs completed; the model keeps its weights and a later `fit` goes on from them.
 *
 * @example
 * const history = await runFit(model, x, y, { epochs: 2, verbose: 0 });
 * history.epoch; // [0, 1]
 */
import * as tf from "@tensorflow/tfjs";
import { performance } from "perf_hooks";
import { CallbackList } from "../callbacks/callbackList";
import type { Logs, TrainingParams } from "../callbacks/callback";
import { setTrainingLogSink, trainingLog } from "../callbacks/trainingLog";
import { History } from "../history";
import { epochMetrics } from "./compile";
import { convertInputs, convertTarget, type Converted, type ModelData } from "./data";
import { checkFiniteData } from "./finite";
import { resolveFitOptions, type FitOptions } from "./fitOptions";
import { progressCallbacks } from "./progress";
import { HostRows } from "./hostRows";
import { evaluateData, metricLogs, trainStep } from "./steps";
import type { KerasModel } from "./model";
import { interruptGuard } from "../../display/interrupt";
import { ValueError } from "../../validation/errors";
import { checkNotEmpty, checkSameLength } from "../../validation/checks";

const learningRate = (opt: tf.Optimizer): number | undefined => {
  const lr = (opt as unknown as { learningRate?: unknown }).learningRate;
  return typeof lr === "number" ? lr : undefined;
};

/** Longest stretch of batches without giving the event loop a turn, in ms. */
const YIELD_MS = 50;

/** Lets pending I/O and signals (the kernel's interrupt) run, then resumes. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function sortLogs(logs: Logs): Logs {
  const out: Logs = {};
  for (const k of Object.keys(logs).sort()) out[k] = logs[k];
  return out;
}

/** Refuses NaN / ±Infinity in converted inputs and targets; `prefix` is "" or "validationData ". */
function checkAllFinite(prefix: string, x: unknown, xs: Converted, y: unknown, ys: Converted) {
  const multi = xs.tensors.length > 1;
  xs.tensors.forEach((t, i) => {
    const arg = multi ? `${prefix}x[${i}]` : `${prefix}x`;
    checkFiniteData("fit", arg, t, multi ? (x as unknown[])[i] : x);
  });
  checkFiniteData("fit", `${prefix}y`, ys.tensors[0], y);
}

/** Runs `fit` on a compiled model. */
export async function runFit(
  model: KerasModel,
  x: ModelData,
  y: ModelData,
  options: FitOptions,
): Promise<History> {
  const opts = resolveFitOptions(options);
  const compiled = model.requireCompiled("fit");
  model.buildFor(x, "fit");
  const tfModel = model.tfModel;
  const width = model.outputWidth();
  const owned: tf.Tensor[] = [];
  const conv: Converted[] = [];
  const guard = interruptGuard();
  try {
    const xs = convertInputs(x, model.inputShapes(), "fit");
    conv.push(xs);
    const ys = convertTarget(y, width, compiled.loss.name, "fit");
    conv.push(ys);
    const n = xs.tensors[0].shape[0];
    checkSameLength("fit", "x", n, "y", ys.tensors[0].shape[0]);
    checkNotEmpty("fit", "x", n);
    checkAllFinite("", x, xs, y, ys);
    let trainX = xs.tensors;
    let trainY = ys.tensors[0];
    let valX: tf.Tensor[] | null = null;
    let valY: tf.Tensor | null = null;
    if (opts.validationData) {
      const vx = convertInputs(opts.validationData[0], model.inputShapes(), "fit (validationData)");
      conv.push(vx);
      const vy = convertTarget(
        opts.validationData[1],
        width,
        compiled.loss.name,
        "fit (validationData)",
      );
      conv.push(vy);
      checkSameLength(
        "fit",
        "validationData x",
        vx.tensors[0].shape[0],
        "y",
        vy.tensors[0].shape[0],
      );
      checkAllFinite("validationData ", opts.validationData[0], vx, opts.validationData[1], vy);
      [valX, valY] = [vx.tensors, vy.tensors[0]];
    } else if (opts.validationSplit > 0) {
      const splitAt = Math.floor(n * (1 - opts.validationSplit));
      if (splitAt === 0 || splitAt === n) {
        throw new ValueError(
          `fit: validationSplit ${opts.validationSplit} of ${n} rows leaves ${splitAt === n ? "no validation rows" : "no training rows"}; ` +
            `use more rows or another validationSplit`,
        );
      }
      trainX = xs.tensors.map((t) => tf.slice(t, 0, splitAt));
      trainY = tf.slice(ys.tensors[0], 0, splitAt);
      valX = xs.tensors.map((t) => tf.slice(t, splitAt));
      valY = tf.slice(ys.tensors[0], splitAt);
      owned.push(...trainX, trainY, ...valX, valY);
    }
    const metrics = epochMetrics(compiled, width);
    const nTrain = trainY.shape[0];
    const steps = Math.ceil(nTrain / opts.batchSize);
    const history = new History({ verbose: opts.verbose, epochs: opts.epochs, steps });
    const doValidation = valY !== null;
    const keys = ["loss", ...metrics.map((m) => m.name)];
    const params: TrainingParams = {
      epochs: opts.epochs,
      steps,
      verbose: opts.verbose,
      batchSize: opts.batchSize,
      samples: nTrain,
      doValidation,
      metrics: doValidation ? [...keys, ...keys.map((k) => `val_${k}`)] : keys,
    };
    const callbacks = new CallbackList([
      ...opts.callbacks,
      ...progressCallbacks(opts.verbose, opts.callbacks),
    ]);
    callbacks.setModel(model);
    callbacks.setParams(params);
    model.stopTraining = false;
    const order = Int32Array.from({ length: nTrain }, (_, i) => i);
    const trainRows = new HostRows([...trainX, trainY]);
    const valRows = valX && valY ? new HostRows([...valX, valY]) : null;
    const statSize = 1 + metrics.reduce((a, m) => a + m.size, 0);
    const lr0 = learningRate(compiled.optimizer);
    const earlier: Logs = lr0 === undefined ? {} : { learning_rate: lr0 };
    let logLearningRate = false;
    let lastLogs: Logs = {};
    let lastYield = performance.now();
    await callbacks.onTrainBegin();
    epochs: for (let epoch = opts.initialEpoch; epoch < opts.epochs; epoch++) {
      await callbacks.onEpochBegin(epoch);
      if (opts.shuffle) tf.util.shuffle(order);
      const sums = new Float64Array(statSize);
      let lossSum = 0;
      let seen = 0;
      for (let b = 0; b < steps; b++) {
        const start = b * opts.batchSize;
        const size = Math.min(opts.batchSize, nTrain - start);
        await callbacks.onBatchBegin(b, { batch: b, size });
        const batch = trainRows.gather(order.subarray(start, start + size));
        const yb = batch[batch.length - 1];
        const v = trainStep(
          tfModel,
          compiled.optimizer,
          compiled.loss.fn,
          metrics,
          batch.slice(0, -1),
          yb,
        );
        tf.dispose(batch);
        lossSum += v[0] * size;
        seen += size;
        for (let i = 1; i < v.length; i++) sums[i] += v[i];
        await callbacks.onBatchEnd(b, metricLogs(lossSum / seen, sums, metrics));
        if (performance.now() - lastYield > YIELD_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
        if (guard.interrupted) {
          trainingLog(
            `Training interrupted at epoch ${epoch + 1}, batch ${b + 1}/${steps}; the model keeps its current weights.`,
          );
          break epochs;
        }
        if (model.stopTraining) break;
      }
      let logs = metricLogs(lossSum / seen, sums, metrics);
      if (valRows) {
        const val = evaluateData(
          tfModel,
          compiled.loss.fn,
          metrics,
          valRows as HostRows,
          opts.batchSize,
          "val_",
        );
        logs = { ...logs, ...val };
      }
      const lr = learningRate(compiled.optimizer);
      if (lr !== undefined && (logLearningRate || lr !== lr0)) {
        logs.learning_rate = lr;
        logLearningRate = true;
      }
      logs = sortLogs(logs);
      await callbacks.onEpochEnd(epoch, logs);
      if (logs.learning_rate !== undefined) logLearningRate = true;
      history.record(epoch, logs, earlier);
      lastLogs = logs;
      if (model.stopTraining) break;
    }
    await callbacks.onTrainEnd(lastLogs);
    return history;
  } finally {
    setTrainingLogSink(null);
    guard.release();
    for (const c of conv) c.dispose();
    for (const t of owned) if (!t.isDisposed) t.dispose();
  }
}
