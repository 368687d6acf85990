/**
 * Reading a training history: a tfjs `History`, any object with `.history`, or a plain
 * `{loss: [...], val_loss: [...]}`.
 *
 * Behaviour: returns metric name → numbers (tensor scalars are read). A value that is not a
 * list throws; so does a history with no metric.
 *
 * @example
 * readHistory({ history: { loss: [1, 0.5] } }, "dl_history_plot"); // { loss: [1, 0.5] }
 */
import * as tf from "@tensorflow/tfjs";
import { ArgumentTypeError, describe } from "../validation/errors";

/** Metric name → one value per epoch. */
export type HistoryRecord = Record<string, number[]>;

const EXPECTED =
  "the History returned by fit, an object with .history, or {loss: [...], val_loss: [...]}";

function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (v instanceof tf.Tensor) return v.isDisposed ? NaN : v.dataSync()[0];
  if (v === null || v === undefined) return NaN;
  return Number(v);
}

/** The per-epoch values of `history` (see the module doc). */
export function readHistory(history: unknown, where: string): HistoryRecord {
  if (history === null || typeof history !== "object" || Array.isArray(history)) {
    throw new ArgumentTypeError(`${where}: history must be ${EXPECTED}; got ${describe(history)}`);
  }
  const inner = (history as { history?: unknown }).history;
  const record = inner !== null && typeof inner === "object" ? inner : history;
  const out: HistoryRecord = {};
  for (const [key, values] of Object.entries(record as Record<string, unknown>)) {
    if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
      throw new ArgumentTypeError(
        `${where}: history.${key} must be a list of numbers (one per epoch); got ${describe(values)}`,
      );
    }
    out[key] = Array.from(values as ArrayLike<unknown>, toNumber);
  }
  if (Object.keys(out).length === 0) {
    throw new ArgumentTypeError(`${where}: history has no metrics; expected ${EXPECTED}`);
  }
  return out;
}
