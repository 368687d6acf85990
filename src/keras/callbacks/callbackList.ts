/**
 * `CallbackList`: runs any mix of `Callback` instances and plain `{onEpochEnd…}` objects in
 * order, awaiting each hook. `fit` builds one per run.
 *
 * @example
 * const list = new CallbackList([new EarlyStopping(), { onEpochEnd: (e) => console.log(e) }]);
 * list.setModel(model);
 * list.setParams(params);
 * await list.onEpochEnd(0, { loss: 0.5 });
 */
import {
  Callback,
  type CallbackModel,
  type Logs,
  type PlainCallback,
  type TrainingParams,
} from "./callback";
import { ArgumentTypeError, describe } from "../../validation/errors";

const HOOKS = [
  "onTrainBegin",
  "onTrainEnd",
  "onEpochBegin",
  "onEpochEnd",
  "onBatchBegin",
  "onBatchEnd",
];

/** The callbacks of one `fit` run. */
export class CallbackList {
  readonly callbacks: Array<Callback | PlainCallback>;

  constructor(callbacks: Array<Callback | PlainCallback> = []) {
    callbacks.forEach((cb, i) => {
      const ok =
        cb instanceof Callback ||
        (cb !== null &&
          typeof cb === "object" &&
          HOOKS.some((h) => typeof (cb as Record<string, unknown>)[h] === "function"));
      if (!ok) {
        throw new ArgumentTypeError(
          `fit: callbacks[${i}] must be a Callback or an object with hooks such as onEpochEnd; got ${describe(cb)}`,
        );
      }
    });
    this.callbacks = [...callbacks];
  }

  setModel(model: CallbackModel): void {
    for (const cb of this.callbacks) if (cb instanceof Callback) cb.setModel(model);
  }

  setParams(params: TrainingParams): void {
    for (const cb of this.callbacks) if (cb instanceof Callback) cb.setParams(params);
  }

  async onTrainBegin(logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainBegin?.(logs);
  }
  async onTrainEnd(logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainEnd?.(logs);
  }
  async onEpochBegin(epoch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochBegin?.(epoch, logs);
  }
  async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochEnd?.(epoch, logs);
  }
  async onBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onBatchBegin?.(batch, logs);
  }
  async onBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onBatchEnd?.(batch, logs);
  }
}
