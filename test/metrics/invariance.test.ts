/**
 * Properties every metric must have, run over one table of all metrics (scikit-learn's
 * test_common.py habit): best value on a perfect prediction, bounds, symmetry where the
 * metric is symmetric, invariance to sample order and to the input's container.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Series } from "../../src/data/danfo";
import * as m from "../../src/metrics";

type Metric = (a: ArrayLike<number>, b: ArrayLike<number>) => number;
interface Row {
  name: string;
  fn: Metric;
  kind: "regression" | "binary" | "multiclass" | "score";
  best: number;
  bounds?: [number, number];
  symmetric: boolean;
}

const quiet = (f: () => number) => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return f();
  } finally {
    console.warn = warn;
  }
};

const rows: Row[] = [
  {
    name: "meanSquaredError",
    fn: m.meanSquaredError,
    kind: "regression",
    best: 0,
    symmetric: true,
  },
  {
    name: "rootMeanSquaredError",
    fn: m.rootMeanSquaredError,
    kind: "regression",
    best: 0,
    symmetric: true,
  },
  {
    name: "meanAbsoluteError",
    fn: m.meanAbsoluteError,
    kind: "regression",
    best: 0,
    symmetric: true,
  },
  {
    name: "meanAbsolutePercentageError",
    fn: m.meanAbsolutePercentageError,
    kind: "regression",
    best: 0,
    symmetric: false,
  },
  { name: "r2Score", fn: m.r2Score, kind: "regression", best: 1, symmetric: false },
  {
    name: "accuracyScore",
    fn: m.accuracyScore,
    kind: "multiclass",
    best: 1,
    bounds: [0, 1],
    symmetric: true,
  },
  {
    name: "rocAucScore",
    fn: m.rocAucScore,
    kind: "score",
    best: 1,
    bounds: [0, 1],
    symmetric: false,
  },
];
for (const [name, fn] of Object.entries({
  precisionScore: m.precisionScore,
  recallScore: m.recallScore,
  f1Score: m.f1Score,
})) {
  const f = fn as (a: ArrayLike<number>, b: ArrayLike<number>, o?: m.PrfOptions) => number;
  rows.push({
    name,
    fn: (a, b) => f(a, b),
    kind: "binary",
    best: 1,
    bounds: [0, 1],
    symmetric: name === "f1Score",
  });
  for (const average of ["macro", "micro", "weighted"] as const)
    rows.push({
      name: `${name} ${average}`,
      fn: (a, b) => f(a, b, { average }),
      kind: "multiclass",
      best: 1,
      bounds: [0, 1],
      symmetric: average === "micro",
    });
}

let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const n = 40;
const data = {
  regression: () => {
    const t = Array.from({ length: n }, () => 1 + rand() * 10);
    return [t, t.map((v) => v + rand() - 0.5)];
  },
  binary: () =>
    [0, 1].map(() => Array.from({ length: n }, (_, i) => (i < 2 ? i : rand() < 0.5 ? 1 : 0))),
  multiclass: () =>
    [0, 1].map(() => Array.from({ length: n }, (_, i) => (i < 3 ? i : Math.floor(rand() * 3)))),
  score: () => {
    const t = Array.from({ length: n }, (_, i) => (i < 2 ? i : rand() < 0.5 ? 1 : 0));
    return [t, t.map((v) => v * 0.3 + rand() * 0.7)];
  },
};

for (const row of rows) {
  test(`${row.name}: invariance properties`, () => {
    const [yTrue, yPred] = data[row.kind]();
    const value = quiet(() => row.fn(yTrue, yPred));
    assert.ok(Number.isFinite(value), `${row.name} gave ${value}`);
    const perfect = row.kind === "score" ? yTrue.map((v) => v * 0.8 + 0.1) : yTrue;
    assert.equal(
      quiet(() => row.fn(yTrue, perfect)),
      row.best,
      "perfect prediction",
    );
    if (row.best === 0) assert.ok(value > 0, "an imperfect prediction is not perfect");
    else assert.ok(value < row.best, "an imperfect prediction is not perfect");
    if (row.bounds) assert.ok(value >= row.bounds[0] && value <= row.bounds[1], "bounds");
    else if (row.best === 0) assert.ok(value >= 0, "errors are non-negative");
    if (row.symmetric)
      assert.equal(
        quiet(() => row.fn(yPred, yTrue)),
        value,
        "symmetric",
      );
    const order = yTrue.map((_, i) => i).sort((a, b) => ((a * 7919) % n) - ((b * 7919) % n));
    const shuffled = quiet(() =>
      row.fn(
        order.map((i) => yTrue[i]),
        order.map((i) => yPred[i]),
      ),
    );
    assert.ok(Math.abs(shuffled - value) < 1e-12, "sample order does not matter");
    const boxed = quiet(() => row.fn(new Series(yTrue) as never, Float64Array.from(yPred)));
    assert.ok(Math.abs(boxed - value) < 1e-12, "container does not matter");
  });
}

test("precision and recall swap when yTrue and yPred swap", () => {
  const [a, b] = data.binary();
  assert.equal(m.precisionScore(a, b), m.recallScore(b, a));
  assert.equal(
    m.precisionScore(a, b, { average: "macro" }),
    m.recallScore(b, a, { average: "macro" }),
  );
});

test("renaming classes consistently leaves macro scores and accuracy unchanged", () => {
  const [a, b] = data.multiclass();
  const rename = (y: number[]) => y.map((v) => [7, 3, 5][v]);
  for (const fn of [m.f1Score, m.precisionScore, m.recallScore])
    assert.ok(
      Math.abs(fn(a, b, { average: "macro" }) - fn(rename(a), rename(b), { average: "macro" })) <
        1e-12,
    );
  assert.equal(m.accuracyScore(a, b), m.accuracyScore(rename(a), rename(b)));
});
