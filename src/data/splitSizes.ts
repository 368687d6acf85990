/**
 * How many rows go to the train and test sets: scikit-learn's `_validate_shuffle_split`.
 *
 * A size in (0, 1) is a fraction of the samples (test rounded up, train rounded down); a
 * positive integer is a count. With only one of them given, the other set takes the rest; with
 * neither, `testSize` is 0.25. Both may be given and leave rows unused. JavaScript has one
 * number type, so `1` is the count 1 (Python's `1.0` fraction has no spelling here).
 *
 * @example
 * splitSizes(10, 0.25, undefined); // { nTrain: 7, nTest: 3 }
 */
import { ValueError, describe } from "../validation/errors";

const WHERE = "trainTestSplit";

type Kind = "fraction" | "count" | "none";

function kindOf(name: string, value: unknown, n: number): Kind {
  if (value === undefined || value === null) return "none";
  const ok = typeof value === "number" && Number.isFinite(value) && value > 0;
  if (ok && value < 1) return "fraction";
  if (ok && Number.isInteger(value)) {
    if (value >= n) {
      throw new ValueError(
        `${WHERE}: ${name} = ${value} rows must be smaller than the number of samples (${n}); ` +
          `use a count below ${n} or a fraction in (0, 1)`,
      );
    }
    return "count";
  }
  throw new ValueError(
    `${WHERE}: ${name} must be in (0, 1) or a positive integer; got ${describe(value)}`,
  );
}

/** Train and test row counts for `n` samples (see the module doc). */
export function splitSizes(
  n: number,
  testSize: unknown,
  trainSize: unknown,
  defaultTestSize = 0.25,
): { nTrain: number; nTest: number } {
  if (
    (testSize === undefined || testSize === null) &&
    (trainSize === undefined || trainSize === null)
  )
    testSize = defaultTestSize;
  const testKind = kindOf("testSize", testSize, n);
  const trainKind = kindOf("trainSize", trainSize, n);
  const test = testSize as number;
  const train = trainSize as number;
  if (testKind === "fraction" && trainKind === "fraction" && train + test > 1) {
    throw new ValueError(
      `${WHERE}: testSize + trainSize = ${+(train + test).toPrecision(12)} must be at most 1; ` +
        `reduce testSize and/or trainSize`,
    );
  }
  let nTest = testKind === "fraction" ? Math.ceil(test * n) : testKind === "count" ? test : 0;
  let nTrain = trainKind === "fraction" ? Math.floor(train * n) : trainKind === "count" ? train : 0;
  if (trainKind === "none") nTrain = n - nTest;
  else if (testKind === "none") nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new ValueError(
      `${WHERE}: trainSize + testSize = ${nTrain + nTest} rows is more than the ${n} samples; ` +
        `reduce testSize and/or trainSize`,
    );
  }
  const given = `testSize = ${describe(testSize)} and trainSize = ${describe(trainSize)}`;
  if (nTrain === 0) {
    throw new ValueError(
      `${WHERE}: with ${n} samples, ${given} the train set would be empty; ` +
        `lower testSize or use more samples`,
    );
  }
  if (nTest === 0) {
    throw new ValueError(
      `${WHERE}: with ${n} samples, ${given} the test set would be empty; ` +
        `lower trainSize or use more samples`,
    );
  }
  return { nTrain, nTest };
}
