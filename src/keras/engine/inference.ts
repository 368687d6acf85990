/**
 * `evaluate` and `predict` of the Keras-style models.
 *
 * Behaviour: both accept the same inputs as `fit` and check shapes the same way. `evaluate`
 * returns the loss with regularisation penalties (as Keras) and the compiled metrics computed
 * over all rows; `predict` returns one tf.Tensor and frees every intermediate tensor.
 *
 * @example
 * model.evaluate(xTest, yTest); // { loss: 0.31, accuracy: 0.88 }
 * model.predict(xTest).arraySync(); // [[0.93], [0.12], …]
 */
import type * as tf from "@tensorflow/tfjs";
import { epochMetrics } from "./compile";
import { convertInputs, convertTarget, type Converted, type ModelData } from "./data";
import { evaluateData } from "./steps";
import type { KerasModel } from "./model";
import { checkPositiveInteger, checkSameLength } from "../../validation/checks";

/** Options of `evaluate` and `predict`. */
export interface InferenceOptions {
  /** Rows per batch [32]. */
  batchSize?: number;
  /** Accepted for Keras compatibility; nothing is printed [0]. */
  verbose?: 0 | 1 | 2;
}

/** `model.evaluate`: a number when there are no metrics, else `{loss, metric…}`. */
export function runEvaluate(
  model: KerasModel,
  x: ModelData,
  y: ModelData,
  options: InferenceOptions,
): number | Record<string, number> {
  const compiled = model.requireCompiled("evaluate");
  const batchSize = checkPositiveInteger("evaluate", "batchSize", options.batchSize ?? 32);
  model.buildFor(x, "evaluate");
  const conv: Converted[] = [];
  try {
    const xs = convertInputs(x, model.inputShapes(), "evaluate");
    conv.push(xs);
    const ys = convertTarget(y, model.outputWidth(), compiled.loss.name, "evaluate");
    conv.push(ys);
    checkSameLength("evaluate", "x", xs.tensors[0].shape[0], "y", ys.tensors[0].shape[0]);
    const metrics = epochMetrics(compiled, model.outputWidth());
    const logs = evaluateData(
      model.tfModel,
      compiled.loss.fn,
      metrics,
      xs.tensors,
      ys.tensors[0],
      batchSize,
    );
    return metrics.length === 0 ? logs.loss : logs;
  } finally {
    for (const c of conv) c.dispose();
  }
}

/** `model.predict`: the outputs as one tensor. */
export function runPredict(model: KerasModel, x: ModelData, options: InferenceOptions): tf.Tensor {
  const batchSize = checkPositiveInteger("predict", "batchSize", options.batchSize ?? 32);
  model.buildFor(x, "predict");
  const xs = convertInputs(x, model.inputShapes(), "predict");
  try {
    const input = xs.tensors.length === 1 ? xs.tensors[0] : xs.tensors;
    return model.tfModel.predict(input, { batchSize }) as tf.Tensor;
  } finally {
    xs.dispose();
  }
}
