import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { trainTestSplit } from "../../src/data";
import { DataFrame, Series } from "../../src/data/danfo";
import { loadGolden } from "../fixtures/sklearn/golden";
import { backendReady } from "./setup";

before(backendReady);

interface SizeCase {
  n: number;
  testSize: number | null;
  trainSize: number | null;
  nTrain?: number;
  nTest?: number;
  error?: boolean;
  message?: string;
}
interface StratifiedCase {
  labels: (number | string)[];
  testSize: number;
  trainSize: number | null;
  classes?: (number | string)[];
  outcomes?: [number, number][][];
  error?: boolean;
  message?: string;
}
const golden = loadGolden<{
  sizes: SizeCase[];
  stratified: StratifiedCase[];
  noShuffleStratify: { error: boolean };
}>("split_sizes.json");

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const opts = (c: { testSize: number | null; trainSize: number | null }) => ({
  ...(c.testSize === null ? {} : { testSize: c.testSize }),
  ...(c.trainSize === null ? {} : { trainSize: c.trainSize }),
});

test("train and test sizes equal scikit-learn's for every (n, testSize, trainSize)", () => {
  assert.ok(golden.sizes.length > 2000);
  for (const c of golden.sizes) {
    const where = `n=${c.n} ${JSON.stringify(opts(c))}`;
    for (const shuffle of [true, false]) {
      if (c.error) {
        assert.throws(
          () => trainTestSplit(range(c.n), { ...opts(c), shuffle }),
          /^ValueError: trainTestSplit: /,
          `${where}: sklearn raised "${c.message}"`,
        );
        continue;
      }
      const [train, test] = trainTestSplit(range(c.n), { ...opts(c), shuffle, randomState: 1 });
      assert.deepEqual([train.length, test.length], [c.nTrain, c.nTest], where);
      const seen = new Set([...train, ...test]);
      assert.equal(seen.size, train.length + test.length, `${where}: a row in both sets`);
    }
  }
});

function classCounts(c: StratifiedCase, seed: number): string {
  const rows = range(c.labels.length);
  const [train, test] = trainTestSplit(rows, {
    ...opts(c),
    stratify: c.labels,
    randomState: seed,
  });
  const count = (set: number[], k: number | string) =>
    set.filter((i) => c.labels[i] === k).length;
  return JSON.stringify(c.classes!.map((k) => [count(train, k), count(test, k)]));
}

test("stratified per-class counts equal scikit-learn's, ties included", () => {
  for (const c of golden.stratified) {
    const where = `classes ${JSON.stringify(c.classes)} ${JSON.stringify(opts(c))}`;
    if (c.error) {
      assert.throws(
        () => trainTestSplit(c.labels, { ...opts(c), stratify: c.labels }),
        /^ValueError: trainTestSplit: /,
        `sklearn raised "${c.message}"`,
      );
      continue;
    }
    const expected = new Set(c.outcomes!.map((o) => JSON.stringify(o)));
    const seen = new Set(range(300).map((seed) => classCounts(c, seed)));
    assert.deepEqual([...seen].sort(), [...expected].sort(), where);
  }
});

test("stratify errors: a class of one member, too few rows for the classes, shuffle: false", () => {
  const y = [0, 0, 0, 1, 1, 1, 2];
  assert.throws(
    () => trainTestSplit(y, y, { stratify: y, testSize: 0.3 }),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        "trainTestSplit: stratify class 2 has only 1 member; every class needs at least 2 " +
          "(one for each set); merge or drop rare classes, or split without stratify",
  );
  const z = [0, 0, 1, 1, 2, 2, 0, 1, 2, 0];
  assert.throws(
    () => trainTestSplit(z, { stratify: z, testSize: 2 }),
    /trainTestSplit: the test set \(2 rows\) is smaller than the number of classes in stratify \(3\); make testSize at least 3/,
  );
  assert.ok(golden.noShuffleStratify.error, "sklearn refuses it too");
  assert.throws(
    () => trainTestSplit(z, { stratify: z, shuffle: false }),
    /trainTestSplit: stratify needs shuffle: true \(a stratified split draws rows at random\); remove stratify or set shuffle: true/,
  );
  assert.throws(
    () => trainTestSplit(z, { stratify: z.slice(1) }),
    /trainTestSplit: stratify has 9 labels but the arrays have 10 rows; pass one label per row/,
  );
});

test("keeps kinds: DataFrame (index labels), Series, tensors of any rank, nested and typed arrays", () => {
  const n = 12;
  const df = new DataFrame(
    range(n).map((i) => [i, i * 10, `r${i}`]),
    { columns: ["a", "b", "name"], index: range(n).map((i) => `row${i}`) },
  );
  const s = new Series(range(n).map((i) => i * 2), { index: range(n).map((i) => i + 100) });
  const t3 = tf.tensor3d(range(n * 4), [n, 2, 2], "int32");
  const nested = range(n).map((i) => [i, [i, i]]);
  const typed = Float32Array.from(range(n));
  const [dfTr, dfTe, sTr, sTe, tTr, tTe, nTr, nTe, fTr, fTe] = trainTestSplit(
    df,
    s,
    t3,
    nested,
    typed,
    { testSize: 0.25, randomState: 3 },
  );
  const rows = (dfTr.values as number[][]).map((r) => r[0]);
  const testRows = (dfTe.values as number[][]).map((r) => r[0]);
  assert.ok(dfTr instanceof DataFrame && dfTe instanceof DataFrame);
  assert.deepEqual([dfTr.shape, dfTe.shape], [[9, 3], [3, 3]]);
  assert.deepEqual(dfTr.index, rows.map((i) => `row${i}`));
  assert.deepEqual(dfTr.columns, ["a", "b", "name"]);
  assert.deepEqual(dfTr.dtypes, df.dtypes);
  assert.ok(sTr instanceof Series);
  assert.deepEqual(sTr.values, rows.map((i) => i * 2));
  assert.deepEqual(sTe.index, testRows.map((i) => i + 100));
  assert.ok(tTr instanceof tf.Tensor && tTr.dtype === "int32");
  assert.deepEqual(tTr.shape, [9, 2, 2]);
  assert.deepEqual(
    (tTe.arraySync() as number[][][]).map((m) => m[0][0] / 4),
    testRows,
  );
  assert.deepEqual(nTr, rows.map((i) => [i, [i, i]]));
  assert.deepEqual(nTe, testRows.map((i) => [i, [i, i]]));
  assert.notEqual(nTr[0][1], nested[rows[0]][1], "nested rows are copies");
  assert.ok(fTr instanceof Float32Array && fTe instanceof Float32Array);
  assert.deepEqual(Array.from(fTe), testRows);
  assert.deepEqual([...rows, ...testRows].sort((a, b) => a - b), range(n));
  tf.dispose([t3, tTr, tTe]);
});

test("danfo's base-layer results (df.head(), df[col]) split and stratify too", () => {
  const df = new DataFrame({ v: range(40), target: range(40).map((i) => (i < 10 ? 1 : 0)) });
  const head = df.head(20);
  const [tr, te] = trainTestSplit(head, { testSize: 5, randomState: 0 });
  assert.ok(tr instanceof DataFrame);
  assert.deepEqual([tr.shape, te.shape], [
    [15, 2],
    [5, 2],
  ]);
  const [, xTe, , yTe] = trainTestSplit(df, df["target"], {
    stratify: df["target"],
    testSize: 0.2,
    randomState: 0,
  });
  assert.ok(yTe instanceof Series);
  assert.deepEqual(
    [(yTe.values as number[]).filter((v) => v === 1).length, yTe.values.length],
    [2, 8],
  );
  assert.deepEqual(yTe.index, xTe.index);
});

test("shuffle: false keeps the order (time series); randomState makes splits reproducible", () => {
  const [a, b] = trainTestSplit(range(10), { shuffle: false, testSize: 3 });
  assert.deepEqual([a, b], [range(7), [7, 8, 9]]);
  const [c, d] = trainTestSplit(range(10), { shuffle: false, testSize: 0.2, trainSize: 0.5 });
  assert.deepEqual([c, d], [range(5), [5, 6]]);
  const x = range(100);
  const first = trainTestSplit(x, { randomState: 42 });
  assert.deepEqual(trainTestSplit(x, { randomState: 42 }), first);
  assert.notDeepEqual(trainTestSplit(x, { randomState: 43 }), first);
  assert.notDeepEqual(first[0], range(75), "shuffled");
  const unseeded = new Set(range(5).map(() => JSON.stringify(trainTestSplit(x)[1])));
  assert.ok(unseeded.size > 1, "without randomState each split differs");
});

test("bad input: lengths, sizes, empty input, unknown options", () => {
  const x = range(10).map((i) => [i]);
  assert.throws(
    () => trainTestSplit(x, range(9)),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        "trainTestSplit: the arrays have different numbers of rows: argument 1 has 10, " +
          "argument 2 has 9; every array needs one row per sample",
  );
  for (const bad of [1.5, 0, -0.2, -3, NaN, "0.2"]) {
    assert.throws(
      () => trainTestSplit(x, { testSize: bad as number }),
      new RegExp(
        `^ValueError: trainTestSplit: testSize must be in \\(0, 1\\) or a positive integer; got ${
          typeof bad === "string" ? '"0.2"' : String(bad).replace(".", "\\.")
        }$`,
      ),
    );
  }
  assert.throws(
    () => trainTestSplit(x, { testSize: 10 }),
    /trainTestSplit: testSize = 10 rows must be smaller than the number of samples \(10\)/,
  );
  assert.throws(
    () => trainTestSplit(x, { testSize: 0.6, trainSize: 0.5 }),
    /trainTestSplit: testSize \+ trainSize = 1\.1 must be at most 1; reduce testSize and\/or trainSize/,
  );
  assert.throws(
    () => trainTestSplit(x, { testSize: 5, trainSize: 6 }),
    /trainTestSplit: trainSize \+ testSize = 11 rows is more than the 10 samples/,
  );
  assert.throws(
    () => trainTestSplit([1, 2], { testSize: 0.9 }),
    /trainTestSplit: with 2 samples, testSize = 0\.9 and trainSize = undefined the train set would be empty/,
  );
  assert.throws(() => trainTestSplit([]), /^ValueError: trainTestSplit: the arrays are empty \(0 rows\)$/);
  assert.throws(
    () => trainTestSplit({ testSize: 0.2 } as never),
    /trainTestSplit: at least one array is required/,
  );
  assert.throws(
    () => trainTestSplit(x, { test_size: 0.2 } as never),
    /trainTestSplit: unknown option "test_size"; did you mean "testSize"\?/,
  );
  assert.throws(
    () => trainTestSplit(x, { randomState: -1 }),
    /trainTestSplit: randomState must be an integer between 0 and 2\*\*32 - 1; got -1/,
  );
  assert.throws(() => trainTestSplit(x, "y" as never), /argument 2 must be a DataFrame, a Series/);
});
