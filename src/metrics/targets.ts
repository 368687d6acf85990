/**
 * The one input check every metric goes through (scikit-learn's `_check_reg_targets` and
 * `_check_targets`): both arguments become Float64Arrays of the same, non-zero length with only
 * finite values; classification metrics also learn whether the targets are binary or multiclass
 * and refuse continuous values (probabilities) unless a `threshold` turns them into labels.
 *
 * @example
 * checkRegTargets("r2Score", [1, 2], [1, 3]).yPred; // Float64Array [1, 3]
 * checkClassTargets("accuracyScore", [0, 1], [0.2, 0.9], { threshold: 0.5 }).yPred; // Float64Array [0, 1]
 */
import { ValueError } from "../validation/errors";
import { checkFinite, checkNotEmpty, checkSameLength } from "../validation/checks";
import * as tf from "@tensorflow/tfjs";
import { isDanfoDataFrame, isDanfoSeries } from "../validation/danfoBase";
import { toVector, type Matrix, type VectorLike } from "../validation/coerce";

/** What a metric accepts as targets: number[], typed arrays, Series, 1-column DataFrame, tensors. */
export type Targets = VectorLike;

/** Regression targets after the check. */
export interface RegTargets {
  yTrue: Float64Array;
  yPred: Float64Array;
}

/** Classification targets after the check. */
export interface ClassTargets extends RegTargets {
  /** `"binary"` when at most two distinct labels occur, else `"multiclass"`. */
  type: "binary" | "multiclass";
  /** The distinct labels of yTrue and yPred together, sorted ascending. */
  labels: number[];
}

/** Options shared by the label metrics. */
export interface ThresholdOption {
  /**
   * Turns probabilities in `yPred` into 0/1 labels: `1` where `yPred > threshold` (as Keras'
   * binary metrics do). No default: continuous `yPred` without it is an error.
   */
  threshold?: number;
}

/** Converts and checks a pair of 1-D targets: same length, not empty, finite. */
export function checkRegTargets(where: string, yTrue: unknown, yPred: unknown): RegTargets {
  return checkPair(where, yTrue, "yTrue", yPred, "yPred");
}

/** Same as {@link checkRegTargets} with custom argument names (`yScore`…). */
export function checkPair(
  where: string,
  a: unknown,
  aName: string,
  b: unknown,
  bName: string,
): RegTargets {
  const yTrue = vector(where, a, aName);
  const yPred = vector(where, b, bName);
  checkSameLength(where, aName, yTrue.length, bName, yPred.length);
  checkNotEmpty(where, aName, yTrue.length);
  checkFinite(where, aName, asColumn(a, yTrue));
  checkFinite(where, bName, asColumn(b, yPred));
  return { yTrue, yPred };
}

/** 1-D values; a table of class probabilities gets a hint to take the most likely class. */
function vector(where: string, value: unknown, arg: string): Float64Array {
  const shape =
    value instanceof tf.Tensor
      ? value.shape
      : Array.isArray(value) && Array.isArray(value[0])
        ? [value.length, (value[0] as unknown[]).length]
        : undefined;
  if (shape && shape.length === 2 && shape[1] > 1)
    throw new ValueError(
      `${where}: ${arg} must be 1-D; got shape [${shape.join(", ")}]. For one probability per ` +
        `class take the most likely class first (e.g. tf.argMax(${arg}, -1)); do the same for one-hot ` +
        `labels`,
    );
  return toVector(value, where, arg);
}

/** The values with their column name when they came from a Series or a DataFrame. */
function asColumn(value: unknown, data: Float64Array): Matrix | Float64Array {
  const name = isDanfoSeries(value) || isDanfoDataFrame(value) ? value.columns?.[0] : undefined;
  return name === undefined ? data : { data, rows: data.length, cols: 1, columns: [String(name)] };
}

/** The first value that is not an integer, or undefined. */
export function firstNonInteger(y: Float64Array): number | undefined {
  for (const v of y) if (!Number.isInteger(v)) return v;
  return undefined;
}

/** Sorted distinct values. */
export function uniqueSorted(...ys: Float64Array[]): number[] {
  const set = new Set<number>();
  for (const y of ys) for (const v of y) set.add(v);
  return [...set].sort((p, q) => p - q);
}

function continuousError(where: string, arg: string, example: number, canThreshold: boolean) {
  const fix = canThreshold
    ? `pass { threshold: 0.5 } to turn probabilities into 0/1 labels, or round them first`
    : `round them to class labels first`;
  return new ValueError(
    `${where}: ${arg} has continuous values (such as ${example}) but ${where} needs class ` +
      `labels (integers such as 0/1); ${fix}`,
  );
}

/**
 * Converts and checks classification targets. Labels must be integer-valued numbers; a
 * continuous `yPred` (e.g. sigmoid outputs) is thresholded when `options.threshold` is given
 * and refused otherwise, with a message that suggests `{ threshold: 0.5 }`.
 */
export function checkClassTargets(
  where: string,
  yTrue: unknown,
  yPred: unknown,
  options: ThresholdOption = {},
): ClassTargets {
  const t = checkRegTargets(where, yTrue, yPred);
  const badTrue = firstNonInteger(t.yTrue);
  if (badTrue !== undefined) throw continuousError(where, "yTrue", badTrue, false);
  let pred = t.yPred;
  const { threshold } = options;
  if (threshold !== undefined) {
    if (typeof threshold !== "number" || !Number.isFinite(threshold)) {
      throw new ValueError(`${where}: threshold must be a finite number; got ${String(threshold)}`);
    }
    pred = pred.map((v) => (v > threshold ? 1 : 0));
  }
  const badPred = firstNonInteger(pred);
  if (badPred !== undefined) throw continuousError(where, "yPred", badPred, true);
  const labels = uniqueSorted(t.yTrue, pred);
  if (threshold !== undefined && labels.some((l) => l !== 0 && l !== 1)) {
    throw new ValueError(
      `${where}: threshold applies to binary 0/1 targets only; yTrue has the labels ` +
        `[${uniqueSorted(t.yTrue).join(", ")}]`,
    );
  }
  return {
    yTrue: t.yTrue,
    yPred: pred,
    type: labels.length <= 2 ? "binary" : "multiclass",
    labels,
  };
}
