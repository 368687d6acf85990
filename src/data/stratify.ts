/**
 * Stratified train/test indices: scikit-learn's `StratifiedShuffleSplit` (one split).
 *
 * Classes are the sorted distinct labels. Each class gets its share of the train rows by
 * `_approximate_mode` (floor of the proportional share, the rows left over going to the
 * classes with the largest remainders, ties broken at random), then of the test rows from what
 * is left; rows are drawn at random inside each class, and both sets are shuffled. The
 * per-class counts equal scikit-learn's; which rows are drawn depends on the generator.
 *
 * @example
 * approximateMode([6, 3, 1], 5, new RandomState(0)); // [3, 2, 0] or [3, 1, 1] (tie)
 */
import { ValueError, describe } from "../validation/errors";
import type { RandomState } from "./random";

const WHERE = "trainTestSplit";

/**
 * `nDraws` shared among classes in proportion to `counts` (sklearn's `_approximate_mode`).
 */
export function approximateMode(counts: number[], nDraws: number, rng: RandomState): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.trunc(nDraws - floored.reduce((a, b) => a + b, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const addNow = Math.min(inds.length, needToAdd);
      for (const i of rng.choice(inds, addNow)) floored[i] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/** Class keys of labels, sorted as numpy's `unique` sorts them (numbers numerically). */
function classesOf(labels: readonly (string | number)[]): (string | number)[] {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((v) => typeof v === "number");
  return numeric
    ? (distinct as number[]).sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b))
    : distinct.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}

/** Train and test row indices, stratified by `labels` (one key per row). */
export function stratifiedIndices(
  labels: readonly (string | number)[],
  nTrain: number,
  nTest: number,
  rng: RandomState,
): { train: number[]; test: number[] } {
  const classes = classesOf(labels);
  const position = new Map(classes.map((c, i) => [c, i]));
  const members: number[][] = classes.map(() => []);
  labels.forEach((l, row) => members[position.get(l)!].push(row));
  const counts = members.map((m) => m.length);
  const lonely = counts.findIndex((c) => c < 2);
  if (lonely >= 0) {
    throw new ValueError(
      `${WHERE}: stratify class ${describe(classes[lonely])} has only 1 member; every class ` +
        `needs at least 2 (one for each set); merge or drop rare classes, or split without stratify`,
    );
  }
  for (const [name, size] of [
    ["train", nTrain],
    ["test", nTest],
  ] as const) {
    if (size < classes.length) {
      throw new ValueError(
        `${WHERE}: the ${name} set (${size} rows) is smaller than the number of classes in ` +
          `stratify (${classes.length}); make ${name}Size at least ${classes.length}`,
      );
    }
  }
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(
    counts.map((c, i) => c - nI[i]),
    nTest,
    rng,
  );
  const train: number[] = [];
  const test: number[] = [];
  members.forEach((rows, i) => {
    const picked = rng.permutation(rows.length).map((k) => rows[k]);
    train.push(...picked.slice(0, nI[i]));
    test.push(...picked.slice(nI[i], nI[i] + tI[i]));
  });
  return { train: rng.shuffle(train), test: rng.shuffle(test) };
}
