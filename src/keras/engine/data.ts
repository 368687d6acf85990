/**
 * Turning what `fit` / `evaluate` / `predict` receive into float32 tensors checked against the
 * model's input and output shapes.
 *
 * Accepted for each input or target: a tf.Tensor, number[] / number[][] / deeper arrays, typed
 * arrays, a DataFrame or a Series. A model with several inputs takes an array of those, one per
 * input. Tensors the caller passed are never disposed; `Converted.dispose()` frees only copies.
 *
 * @example
 * const xs = convertInputs([[1, 2]], [[2]], "fit");
 * xs.tensors[0].shape; // [1, 2]
 * xs.dispose();
 */
import * as tf from "@tensorflow/tfjs";
import type { DataFrame, Series } from "../../data/danfo";
import { isDanfoDataFrame, isDanfoSeries } from "../../validation/danfoBase";
import { toMatrix, toVector } from "../../validation/coerce";
import { ArgumentTypeError, ValueError, describe } from "../../validation/errors";

/** One input or target: tensor, nested arrays, DataFrame or Series. */
export type ArrayLikeData =
  | tf.Tensor
  | DataFrame
  | Series
  | ArrayLike<number>
  | ArrayLike<ArrayLike<number>>
  | ArrayLike<ArrayLike<ArrayLike<number>>>;
/** `x` of `fit` / `predict`: one input, or an array with one entry per model input. */
export type ModelData = ArrayLikeData | ArrayLikeData[];

/** Converted tensors and the copies to free. */
export interface Converted {
  tensors: tf.Tensor[];
  dispose(): void;
}

const fmt = (shape: readonly (number | null)[]): string =>
  `[${shape.map((d) => (d === null ? "None" : d)).join(", ")}]`;

class Converted_ implements Converted {
  tensors: tf.Tensor[] = [];
  private owned: tf.Tensor[] = [];
  add(t: tf.Tensor, owned: boolean): void {
    if (owned) this.owned.push(t);
  }
  dispose(): void {
    for (const t of this.owned) if (!t.isDisposed) t.dispose();
    this.owned = [];
  }
}

/** One value as a float32 tensor (`owned` when it is a new tensor). */
function toTensor(value: unknown, where: string, arg: string): { t: tf.Tensor; owned: boolean } {
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new ValueError(`${where}: ${arg} is a disposed tensor`);
    return value.dtype === "float32"
      ? { t: value, owned: false }
      : { t: tf.cast(value, "float32"), owned: true };
  }
  if (isDanfoDataFrame(value)) {
    const m = toMatrix(value, where, arg);
    return { t: tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]), owned: true };
  }
  if (isDanfoSeries(value)) {
    return { t: tf.tensor1d(Float32Array.from(toVector(value, where, arg))), owned: true };
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = value as ArrayLike<unknown>;
    if (arr.length > 0 && typeof arr[0] === "object" && arr[0] !== null) {
      if (
        !(arr[0] as ArrayLike<unknown>).length ||
        typeof (arr[0] as ArrayLike<unknown>)[0] !== "object"
      ) {
        const m = toMatrix(value, where, arg);
        return { t: tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]), owned: true };
      }
      try {
        return { t: tf.tensor(value as number[][][], undefined, "float32"), owned: true };
      } catch (e) {
        throw new ValueError(
          `${where}: ${arg} must be a rectangular numeric array (${(e as Error).message})`,
        );
      }
    }
    return { t: tf.tensor1d(Float32Array.from(toVector(value, where, arg))), owned: true };
  }
  throw new ArgumentTypeError(
    `${where}: ${arg} must be a tf.Tensor, an array, a DataFrame or a Series; got ${describe(value)}`,
  );
}

/**
 * The model inputs from `x`, each checked against its Input shape (`inputShapes`, without the
 * batch axis). A 1-D x feeds an input of shape [1].
 */
export function convertInputs(
  x: unknown,
  inputShapes: (number | null)[][],
  where: string,
): Converted {
  const multi = inputShapes.length > 1;
  if (
    multi &&
    (!Array.isArray(x) || x.length !== inputShapes.length || x.some((v) => typeof v === "number"))
  ) {
    throw new ValueError(
      `${where}: the model has ${inputShapes.length} inputs; pass x as an array of ${inputShapes.length} arrays or tensors, one per input; got ${describe(x)}`,
    );
  }
  const values = multi ? (x as unknown[]) : [x];
  const out = new Converted_();
  values.forEach((v, i) => {
    const arg = multi ? `x[${i}]` : "x";
    const expected = inputShapes[i];
    const first = toTensor(v, where, arg);
    out.add(first.t, first.owned);
    let t = first.t;
    if (t.rank === 1 && expected.length === 1 && expected[0] === 1) {
      t = tf.reshape(t, [-1, 1]);
      out.add(t, true);
    }
    const got = t.shape.slice(1);
    const ok =
      got.length === expected.length && expected.every((d, j) => d === null || d === got[j]);
    if (!ok) {
      if (t.rank === 2 && expected.length === 1) {
        throw new ValueError(
          `${where}: ${arg} has ${got[0]} features but the model's input expects ${expected[0]} (Input shape ${fmt(expected)})`,
        );
      }
      throw new ValueError(
        `${where}: ${arg} has samples of shape ${fmt(got)} (x shape ${fmt(t.shape)}) but the model's input expects ${fmt(expected)} (Input shape ${fmt(expected)})`,
      );
    }
    out.tensors.push(t);
  });
  const n = out.tensors[0].shape[0];
  out.tensors.forEach((t, i) => {
    if (t.shape[0] !== n) {
      out.dispose();
      throw new ValueError(
        `${where}: x[0] and x[${i}] have different lengths (${n} != ${t.shape[0]})`,
      );
    }
  });
  return out;
}

/** The target `y` as a float32 tensor shaped like the model output `[n, width]`. */
export function convertTarget(
  y: unknown,
  outputWidth: number,
  loss: string,
  where: string,
): Converted {
  const out = new Converted_();
  const first = toTensor(y, where, "y");
  out.add(first.t, first.owned);
  let t = first.t;
  if (t.rank === 1) {
    if (outputWidth > 1 && loss !== "sparse_categorical_crossentropy") {
      out.dispose();
      throw new ValueError(
        `${where}: y holds one value per sample but the model outputs ${outputWidth} per sample; ` +
          `one-hot encode y (toCategorical) or use loss "sparse_categorical_crossentropy"`,
      );
    }
    t = tf.reshape(t, [-1, 1]);
    out.add(t, true);
  }
  const width = t.shape[t.rank - 1];
  const sparse = loss === "sparse_categorical_crossentropy";
  if (!sparse && width !== outputWidth) {
    out.dispose();
    throw new ValueError(
      `${where}: y has ${width} values per sample but the model outputs ${outputWidth} (last layer units)`,
    );
  }
  out.tensors.push(t);
  return out;
}
