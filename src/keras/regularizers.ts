/**
 * Weight regularizers as Keras spells them: `"l1"`, `"l2"`, `"l1_l2"` (factor 0.01 each, the
 * Keras defaults) or objects from `l1(0.01)`, `l2(0.01)`, `l1l2({l1, l2})`.
 *
 * Behaviour: the penalty is added to the loss in training, in `val_loss` and in `evaluate`:
 * `l1 · Σ|w|` and `l2 · Σw²`.
 *
 * @example
 * Dense(16, { kernelRegularizer: keras.regularizers.l2(0.001) });
 * resolveRegularizer("l2", "Dense").getConfig(); // { l1: 0, l2: 0.01 }
 */
import * as tf from "@tensorflow/tfjs";
import { ValueError, describe } from "../validation/errors";
import { lookupName } from "../validation/names";

/** A tfjs regularizer object. */
export type Regularizer = ReturnType<typeof tf.regularizers.l2>;
/** What `kernelRegularizer` / `biasRegularizer` accept. */
export type RegularizerLike = "l1" | "l2" | "l1_l2" | "l1l2" | Regularizer;

function factor(where: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new ValueError(`${where}: ${name} must be a number >= 0; got ${describe(v)}`);
  }
  return v;
}

/** L1 penalty `factor · Σ|w|` (Keras `L1`, default 0.01). */
export function l1(l1 = 0.01): Regularizer {
  return tf.regularizers.l1({ l1: factor("regularizers.l1", "l1", l1) });
}

/** L2 penalty `factor · Σw²` (Keras `L2`, default 0.01). */
export function l2(l2 = 0.01): Regularizer {
  return tf.regularizers.l2({ l2: factor("regularizers.l2", "l2", l2) });
}

/** L1 + L2 penalty (Keras `L1L2`; `{l1 = 0.01, l2 = 0.01}` as Keras's `l1_l2`). */
export function l1l2(options: { l1?: number; l2?: number } = {}): Regularizer {
  return tf.regularizers.l1l2({
    l1: factor("regularizers.l1l2", "l1", options.l1 ?? 0.01),
    l2: factor("regularizers.l1l2", "l2", options.l2 ?? 0.01),
  });
}

const BY_NAME: Record<string, () => Regularizer> = {
  l1: () => l1(),
  l2: () => l2(),
  l1_l2: () => l1l2(),
};

/** A tfjs regularizer from a Keras name or object; `undefined` stays undefined. */
export function resolveRegularizer(value: unknown, where: string): Regularizer | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return lookupName(where, "regularizer", value, BY_NAME)();
  if (value instanceof tf.serialization.Serializable) return value as Regularizer;
  throw new ValueError(
    `${where}: a regularizer must be "l1", "l2", "l1_l2" or keras.regularizers.l2(0.01); got ${describe(value)}`,
  );
}
