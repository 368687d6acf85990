/**
 * `trainTestSplit`: scikit-learn's `train_test_split` for DataFrames, Series, tensors and arrays.
 */
import * as tf from "@tensorflow/tfjs";
import { RandomState, checkSeed } from "./random";
import { numRows, takeRows, type RowData } from "./rows";
import { splitSizes } from "./splitSizes";
import { stratifiedIndices } from "./stratify";
import { checkOptions, isPlainObject } from "./options";
import { isDanfoDataFrame, isDanfoSeries } from "../validation/danfoBase";
import { ValueError, describe } from "../validation/errors";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Test rows: a fraction in (0, 1) (rounded up) or a count. Default 0.25 when trainSize is unset. */
  testSize?: number;
  /** Train rows: a fraction in (0, 1) (rounded down) or a count. Default: the rest. */
  trainSize?: number;
  /** Shuffle before splitting. Default `true`; `false` keeps the order (time series). */
  shuffle?: boolean;
  /** Seed (integer in [0, 2**32 - 1]) for a reproducible split. Default: a new random split. */
  randomState?: number;
  /** Class labels (array, Series, 1-D tensor) whose proportions both sets keep. Default none. */
  stratify?: RowData;
}

type IsAny<X> = 0 extends 1 & X ? true : false;
/** Is X (the last argument) the options object rather than an array? */
type IsOptions<X> =
  IsAny<X> extends true ? false : X extends RowData ? false : X extends TrainTestSplitOptions ? true : false;

/**
 * The result type of `trainTestSplit(...args)`: each array's train part then its test part,
 * `[A, A, B, B, …]` for arrays `[A, B, …]` (a trailing options object adds nothing).
 */
export type SplitResult<T extends readonly unknown[]> = T extends readonly []
  ? []
  : T extends readonly [infer O]
    ? IsOptions<O> extends true
      ? []
      : [O, O]
    : T extends readonly [infer A, ...infer R]
      ? [A, A, ...SplitResult<R>]
      : RowData[];

const WHERE = "trainTestSplit";
const OPTIONS = ["testSize", "trainSize", "shuffle", "randomState", "stratify"];

/** One key per row for stratification (2-D labels: the row's values joined, as sklearn). */
function labelKeys(stratify: unknown, n: number): (string | number)[] {
  const len = numRows(stratify, WHERE, "stratify");
  if (len !== n) {
    throw new ValueError(
      `${WHERE}: stratify has ${len} labels but the arrays have ${n} rows; pass one label per row`,
    );
  }
  let values: unknown[];
  if (stratify instanceof tf.Tensor) values = stratify.arraySync() as unknown[];
  else if (isDanfoSeries(stratify)) values = stratify.values as unknown[];
  else if (isDanfoDataFrame(stratify)) values = stratify.values as unknown[];
  else values = Array.from(stratify as ArrayLike<unknown>);
  return values.map((v) => {
    if (Array.isArray(v)) return v.map(String).join(" ");
    if (typeof v === "number" || typeof v === "string") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    throw new ValueError(`${WHERE}: stratify labels must be numbers or strings; got ${describe(v)}`);
  });
}

function indices(n: number, options: TrainTestSplitOptions): { train: number[]; test: number[] } {
  const { nTrain, nTest } = splitSizes(n, options.testSize, options.trainSize);
  const shuffle = options.shuffle ?? true;
  if (typeof shuffle !== "boolean")
    throw new ValueError(`${WHERE}: shuffle must be true or false; got ${describe(shuffle)}`);
  const seed = checkSeed(WHERE, options.randomState);
  const hasStratify = options.stratify !== undefined && options.stratify !== null;
  if (!shuffle) {
    if (hasStratify) {
      throw new ValueError(
        `${WHERE}: stratify needs shuffle: true (a stratified split draws rows at random); ` +
          `remove stratify or set shuffle: true`,
      );
    }
    const range = (from: number, k: number) => Array.from({ length: k }, (_, i) => from + i);
    return { train: range(0, nTrain), test: range(nTrain, nTest) };
  }
  const rng = new RandomState(seed);
  if (hasStratify) return stratifiedIndices(labelKeys(options.stratify, n), nTrain, nTest, rng);
  const perm = rng.permutation(n);
  return { train: perm.slice(nTest, nTest + nTrain), test: perm.slice(0, nTest) };
}

/**
 * Splits arrays into random train and test subsets, like scikit-learn's `train_test_split`.
 *
 * Give any number of arrays with the same number of rows (DataFrame, Series, tf.Tensor of any
 * rank, number[], number[][], typed arrays), then optionally the options. The result lists
 * each array's train part then its test part: `[xTrain, xTest, yTrain, yTest]`, each of the
 * same kind as its input. DataFrames and Series keep the index labels of the chosen rows (as
 * pandas does); tensors keep their dtype (the caller owns and disposes the new tensors).
 *
 * The set sizes follow scikit-learn exactly (fractions: test rounded up, train rounded down;
 * integers are counts; default testSize 0.25). `randomState` makes the split reproducible, but
 * the generator is not numpy's: the same seed picks other rows than scikit-learn. `stratify`
 * keeps each class's share in both sets with scikit-learn's per-class counts. `shuffle: false`
 * takes the first rows for training and the next ones for testing (time series).
 *
 * @example
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.2, randomState: 42 });
 * const [a, b] = trainTestSplit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { shuffle: false, testSize: 3 });
 * b; // [8, 9, 10]
 */
export function trainTestSplit<T extends (RowData | TrainTestSplitOptions)[]>(
  ...args: T
): SplitResult<T>;
export function trainTestSplit(...args: unknown[]): unknown[] {
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop(); // f(x, y, undefined)
  const last = args[args.length - 1];
  const options = (isPlainObject(last) ? args.pop() : {}) as TrainTestSplitOptions;
  checkOptions(WHERE, options, OPTIONS);
  if (args.length === 0)
    throw new ValueError(`${WHERE}: at least one array is required, e.g. trainTestSplit(x, y)`);
  const counts = args.map((a, i) => numRows(a, WHERE, `argument ${i + 1}`));
  const odd = counts.findIndex((c) => c !== counts[0]);
  if (odd > 0) {
    throw new ValueError(
      `${WHERE}: the arrays have different numbers of rows: argument 1 has ${counts[0]}, ` +
        `argument ${odd + 1} has ${counts[odd]}; every array needs one row per sample`,
    );
  }
  if (counts[0] === 0) throw new ValueError(`${WHERE}: the arrays are empty (0 rows)`);
  const { train, test } = indices(counts[0], options);
  return args.flatMap((a) => [takeRows(a, train), takeRows(a, test)]);
}
