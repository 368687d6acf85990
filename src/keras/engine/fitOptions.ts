/**
 * `fit`'s options, their Keras defaults and their checks. An unknown option is an error that
 * suggests the right spelling (`batch_size` → `batchSize`) instead of being ignored.
 *
 * @example
 * resolveFitOptions({ epochs: 3 }).batchSize; // 32
 */
import type { Callback, PlainCallback } from "../callbacks/callback";
import { ValueError, describe } from "../../validation/errors";
import { checkPositiveInteger } from "../../validation/checks";
import { checkOptions } from "../../data/options";
import type { ModelData } from "./data";

/** Options of `model.fit` (Keras defaults in brackets). */
export interface FitOptions {
  /** Passes over the data [1]. */
  epochs?: number;
  /** Rows per gradient step [32]. */
  batchSize?: number;
  /** Fraction of rows, taken from the end before shuffling, kept for validation [0]. */
  validationSplit?: number;
  /** `[xVal, yVal]` evaluated at each epoch end (overrides validationSplit). */
  validationData?: [ModelData, ModelData];
  /** Shuffle the training rows before each epoch [true]. */
  shuffle?: boolean;
  /** 0 silent, 1 progress bar, 2 one line per epoch [1]. */
  verbose?: 0 | 1 | 2;
  /** Callbacks: `Callback` objects and plain `{ onEpochEnd }` objects [none]. */
  callbacks?: Array<Callback | PlainCallback>;
  /** Epoch to start from (to resume a run) [0]. */
  initialEpoch?: number;
}

/** Checked options with defaults applied. */
export interface ResolvedFit {
  epochs: number;
  batchSize: number;
  validationSplit: number;
  validationData?: [ModelData, ModelData];
  shuffle: boolean;
  verbose: 0 | 1 | 2;
  callbacks: Array<Callback | PlainCallback>;
  initialEpoch: number;
}

const OPTIONS = [
  "epochs",
  "batchSize",
  "validationSplit",
  "validationData",
  "shuffle",
  "verbose",
  "callbacks",
  "initialEpoch",
];

/** Applies defaults and checks every option. */
export function resolveFitOptions(options: FitOptions): ResolvedFit {
  if (options === null || typeof options !== "object") {
    throw new ValueError(
      `fit: options must be an object such as { epochs: 10 }; got ${describe(options)}`,
    );
  }
  checkOptions("fit", options, OPTIONS);
  const epochs = checkPositiveInteger("fit", "epochs", options.epochs ?? 1);
  const batchSize = checkPositiveInteger("fit", "batchSize", options.batchSize ?? 32);
  const validationSplit = options.validationSplit ?? 0;
  if (typeof validationSplit !== "number" || !(validationSplit >= 0 && validationSplit < 1)) {
    throw new ValueError(
      `fit: validationSplit must be in [0, 1), the fraction of rows kept for validation; got ${String(validationSplit)}`,
    );
  }
  const verbose = options.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) {
    throw new ValueError(`fit: verbose must be 0, 1 or 2; got ${describe(verbose)}`);
  }
  const initialEpoch = options.initialEpoch ?? 0;
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0 || initialEpoch >= epochs) {
    throw new ValueError(
      `fit: initialEpoch must be an integer in [0, epochs); got ${String(initialEpoch)} with epochs ${epochs}`,
    );
  }
  const vd = options.validationData;
  if (vd !== undefined && (!Array.isArray(vd) || vd.length !== 2)) {
    throw new ValueError(`fit: validationData must be [xVal, yVal]; got ${describe(vd)}`);
  }
  const callbacks = options.callbacks ?? [];
  if (!Array.isArray(callbacks)) {
    throw new ValueError(`fit: callbacks must be an array, e.g. [es]; got ${describe(callbacks)}`);
  }
  return {
    epochs,
    batchSize,
    validationSplit,
    validationData: vd,
    shuffle: options.shuffle ?? true,
    verbose,
    callbacks,
    initialEpoch,
  };
}
