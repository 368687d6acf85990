/**
 * Options shared by `SimpleRNN`, `LSTM` and `GRU`, and their translation to tfjs-layers
 * arguments with Keras's defaults.
 *
 * Behaviour: `recurrentArgs(where, base, units, options, known)` checks every option (units a
 * positive integer, activations by Keras name, dropout rates in [0, 1), input shapes of the form
 * `[timesteps, features]`, no unknown or snake_case option names) and returns tfjs arguments:
 * activation "tanh", kernel "glorotUniform", recurrent kernel "orthogonal", bias "zeros",
 * regularizers from `"l1"` / `"l2"` (0.01) or objects, and a Keras-style unique name.
 *
 * @example
 * recurrentArgs("LSTM", "lstm", 8, {}, []).kernelInitializer; // "glorotUniform"
 */
import { resolveActivation } from "../../activations";
import { resolveRegularizer, type Regularizer, type RegularizerLike } from "../../regularizers";
import { uniqueName } from "../../naming";
import { resolveInitializer, type Initializer, type InitializerLike } from "./initializers";
import { checkPositiveInteger } from "../../../validation/checks";
import { ValueError, describe } from "../../../validation/errors";
import { closestName } from "../../../validation/names";

/** Options every recurrent layer accepts (Keras names in camelCase; defaults as Keras). */
export interface RecurrentOptions {
  /** Output activation; default "tanh". Keras names ("relu", "linear"…); null means linear. */
  activation?: string | null;
  /** Whether the layer has a bias; default true. */
  useBias?: boolean;
  /** Initializer of the input kernel; default "glorot_uniform". */
  kernelInitializer?: InitializerLike;
  /** Initializer of the recurrent kernel; default "orthogonal". */
  recurrentInitializer?: InitializerLike;
  /** Initializer of the bias; default "zeros". */
  biasInitializer?: InitializerLike;
  /** Penalty on the kernel: "l1", "l2" (factor 0.01) or `regularizers.l2(0.001)`. */
  kernelRegularizer?: RegularizerLike;
  /** Penalty on the recurrent kernel. */
  recurrentRegularizer?: RegularizerLike;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerLike;
  /** Fraction of the inputs dropped in training, in [0, 1); default 0. */
  dropout?: number;
  /** Fraction of the recurrent state dropped in training, in [0, 1); default 0. */
  recurrentDropout?: number;
  /** Return the output of every timestep `[batch, timesteps, units]`; default false. */
  returnSequences?: boolean;
  /** Also return the final states (`[output, ...states]`); default false. */
  returnState?: boolean;
  /** Process the sequence backwards (and return it reversed); default false. */
  goBackwards?: boolean;
  /** Carry the states over from one batch to the next (needs `batchInputShape`); default false. */
  stateful?: boolean;
  /** One sample's shape `[timesteps, features]` (timesteps may be null). */
  inputShape?: (number | null)[];
  /** Shape with the batch size `[batch, timesteps, features]` (for `stateful`). */
  batchInputShape?: (number | null)[];
  /** Layer name; default `simple_rnn`, `lstm`, `gru` with `_1`, `_2`… suffixes. */
  name?: string;
  /** Whether the weights train; default true. */
  trainable?: boolean;
}

/** The tfjs arguments the recurrent factories build (a superset of tfjs's layer args). */
export interface RecurrentArgs {
  units: number;
  name: string;
  activation: string;
  recurrentActivation?: string;
  useBias: boolean;
  kernelInitializer: string | Initializer;
  recurrentInitializer: string | Initializer;
  biasInitializer: string | Initializer;
  kernelRegularizer?: Regularizer;
  recurrentRegularizer?: Regularizer;
  biasRegularizer?: Regularizer;
  dropout: number;
  recurrentDropout: number;
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  stateful: boolean;
  inputShape?: (number | null)[];
  batchInputShape?: (number | null)[];
  trainable?: boolean;
}

const COMMON_KEYS = [
  "activation",
  "useBias",
  "kernelInitializer",
  "recurrentInitializer",
  "biasInitializer",
  "kernelRegularizer",
  "recurrentRegularizer",
  "biasRegularizer",
  "dropout",
  "recurrentDropout",
  "returnSequences",
  "returnState",
  "goBackwards",
  "stateful",
  "inputShape",
  "batchInputShape",
  "name",
  "trainable",
];

function checkKeys(where: string, options: object, extra: readonly string[]): void {
  const known = [...COMMON_KEYS, ...extra];
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const guess = known.includes(camel) ? camel : closestName(key, known);
    throw new ValueError(
      `${where}: unknown option "${key}"` + (guess ? `; did you mean "${guess}"?` : ""),
    );
  }
}

function checkRate(where: string, arg: string, v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v !== "number" || !(v >= 0 && v < 1)) {
    throw new ValueError(`${where}: ${arg} must be a number in [0, 1); got ${describe(v)}`);
  }
  return v;
}

function checkSequenceShape(where: string, arg: string, shape: unknown, rank: number) {
  const ok =
    Array.isArray(shape) &&
    shape.length === rank &&
    shape.every((d, i) => (d === null && i < rank - 1) || (Number.isInteger(d) && d > 0));
  if (!ok) {
    const want =
      rank === 2 ? "[timesteps, features] such as [10, 8]" : "[batch, timesteps, features]";
    const got = Array.isArray(shape) ? `[${shape.map(String).join(", ")}]` : describe(shape);
    throw new ValueError(`${where}: ${arg} must be ${want}; got ${got}`);
  }
  return shape as (number | null)[];
}

function checkFlag(where: string, arg: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== "boolean") {
    throw new ValueError(`${where}: ${arg} must be true or false; got ${describe(v)}`);
  }
  return v;
}

/** Validated tfjs arguments with Keras defaults (see the module doc). */
export function recurrentArgs(
  where: string,
  base: string,
  units: unknown,
  options: RecurrentOptions,
  extraKeys: readonly string[],
): RecurrentArgs {
  checkPositiveInteger(where, "units", units);
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ValueError(`${where}: options must be an object; got ${describe(options)}`);
  }
  checkKeys(where, options, extraKeys);
  const o = options;
  const args: RecurrentArgs = {
    units: units as number,
    name: o.name ?? uniqueName(base),
    activation: resolveActivation(o.activation === undefined ? "tanh" : o.activation, where),
    useBias: checkFlag(where, "useBias", o.useBias, true),
    kernelInitializer: resolveInitializer(
      o.kernelInitializer ?? "glorot_uniform",
      where,
      "kernelInitializer",
    ),
    recurrentInitializer: resolveInitializer(
      o.recurrentInitializer ?? "orthogonal",
      where,
      "recurrentInitializer",
    ),
    biasInitializer: resolveInitializer(o.biasInitializer ?? "zeros", where, "biasInitializer"),
    kernelRegularizer: resolveRegularizer(o.kernelRegularizer, where),
    recurrentRegularizer: resolveRegularizer(o.recurrentRegularizer, where),
    biasRegularizer: resolveRegularizer(o.biasRegularizer, where),
    dropout: checkRate(where, "dropout", o.dropout),
    recurrentDropout: checkRate(where, "recurrentDropout", o.recurrentDropout),
    returnSequences: checkFlag(where, "returnSequences", o.returnSequences, false),
    returnState: checkFlag(where, "returnState", o.returnState, false),
    goBackwards: checkFlag(where, "goBackwards", o.goBackwards, false),
    stateful: checkFlag(where, "stateful", o.stateful, false),
  };
  if (o.inputShape !== undefined)
    args.inputShape = checkSequenceShape(where, "inputShape", o.inputShape, 2);
  if (o.batchInputShape !== undefined)
    args.batchInputShape = checkSequenceShape(where, "batchInputShape", o.batchInputShape, 3);
  if (o.trainable !== undefined) args.trainable = checkFlag(where, "trainable", o.trainable, true);
  return args;
}
