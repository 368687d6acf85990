import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { addNextStepTarget, shift, temporalize, toCategorical } from "../../src/data";
import { DataFrame, Series } from "../../src/data/danfo";
import { backendReady } from "./setup";

before(backendReady);

test("toCategorical: one-hot rows like Keras' to_categorical", () => {
  const t = toCategorical([0, 2, 1, 2]);
  assert.equal(t.dtype, "float32");
  assert.deepEqual(t.shape, [4, 3]);
  assert.deepEqual(t.arraySync(), [
    [1, 0, 0],
    [0, 0, 1],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  assert.deepEqual(toCategorical(new Series([1, 0]), 4).arraySync(), [
    [0, 1, 0, 0],
    [1, 0, 0, 0],
  ]);
  assert.deepEqual(toCategorical(tf.tensor2d([[3], [0]], [2, 1], "int32")).shape, [2, 4]);
  assert.deepEqual(toCategorical(Int32Array.from([5]), 6).arraySync(), [[0, 0, 0, 0, 0, 1]]);
  const df = new DataFrame({ target: [1, 0, 1] });
  assert.deepEqual(toCategorical(df["target"]).arraySync(), [
    [0, 1],
    [1, 0],
    [0, 1],
  ]);
});

test("toCategorical errors: labels outside numClasses, negative, fractional, empty", () => {
  assert.throws(
    () => toCategorical([0, 1, 10, 2], 10),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        "toCategorical: labels[2] is 10, outside [0, 9] for numClasses = 10; " +
          "raise numClasses to at least 11 or leave it out",
  );
  assert.throws(
    () => toCategorical([0, -1]),
    /toCategorical: labels must be integers ≥ 0 \(class numbers\); labels\[1\] is -1; encode classes first/,
  );
  assert.throws(() => toCategorical([0.5]), /labels\[0\] is 0\.5/);
  assert.throws(() => toCategorical([NaN]), /labels\[0\] is NaN \(1 missing label in all; drop/);
  assert.throws(
    () => toCategorical([0, NaN, 1, NaN]),
    /labels\[1\] is NaN \(2 missing labels in all; drop those rows first\)$/,
  );
  assert.throws(() => toCategorical([]), /toCategorical: labels is empty; at least 1 label is required/);
  assert.throws(() => toCategorical([1], 0), /toCategorical: numClasses must be a positive integer; got 0/);
});

test("temporalize: the course's windows, checked against a hand-computed example", () => {
  // x has 5 rows × 2 features, timesteps 3 → 3 windows; target = y at each window's last row.
  const x = [
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 40],
    [5, 50],
  ];
  const y = [100, 200, 300, 400, 500];
  const [x3, y1] = temporalize(x, y, 3);
  assert.deepEqual(x3.shape, [3, 3, 2]);
  assert.deepEqual(x3.arraySync(), [
    [
      [1, 10],
      [2, 20],
      [3, 30],
    ],
    [
      [2, 20],
      [3, 30],
      [4, 40],
    ],
    [
      [3, 30],
      [4, 40],
      [5, 50],
    ],
  ]);
  assert.deepEqual(y1.shape, [3]);
  assert.deepEqual(y1.arraySync(), [300, 400, 500]);
  // The same from a DataFrame and a Series, read through .x / .y; timesteps 1 and n.
  const df = new DataFrame({ a: [1, 2, 3, 4, 5], b: [10, 20, 30, 40, 50] });
  const r = temporalize(df, new Series(y), 3);
  assert.deepEqual(r.x.arraySync(), x3.arraySync());
  assert.deepEqual(r.y.arraySync(), y1.arraySync());
  assert.deepEqual(temporalize(x, y, 1).x.shape, [5, 1, 2]);
  assert.deepEqual(temporalize(x, y, 5).y.arraySync(), [500]);
  // One feature as a 1-D array; a 2-D target stays 2-D; tensors in.
  const one = temporalize([1, 2, 3, 4], tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]), 2);
  assert.deepEqual(one.x.arraySync(), [[[1], [2]], [[2], [3]], [[3], [4]]]);
  assert.deepEqual(one.y.arraySync(), [[3, 4], [5, 6], [7, 8]]);
  assert.deepEqual(temporalize(tf.tensor2d(x), tf.tensor1d(y), 4).x.shape, [2, 4, 2]);
  // What danfo's own operations return (base-layer classes): df.loc(…), df["col"].
  const full = new DataFrame({ a: [1, 2, 3, 4, 5], b: [10, 20, 30, 40, 50], y });
  const fromLoc = temporalize(full.loc({ columns: ["a", "b"] }), full["y"], 3);
  assert.deepEqual(fromLoc.x.arraySync(), x3.arraySync());
  assert.deepEqual(fromLoc.y.arraySync(), [300, 400, 500]);
});

test("temporalize errors: timesteps larger than the series, bad timesteps, length mismatch", () => {
  const x = [[1], [2], [3]];
  assert.throws(
    () => temporalize(x, [1, 2, 3], 5),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        "temporalize: timesteps (5) is larger than the number of rows of x (3); use timesteps ≤ 3",
  );
  assert.throws(() => temporalize(x, [1, 2, 3], 0), /temporalize: timesteps must be a positive integer; got 0/);
  assert.throws(
    () => temporalize([[1], [NaN], [3]], [1, 2, 3], 2),
    /temporalize: x contains 1 NaN or infinite value in column 0 \(first at row 1: NaN\)/,
  );
  assert.throws(
    () => temporalize([[1], [2], [3]], [1, Infinity, 3], 2),
    /temporalize: y contains 1 NaN or infinite value .*first at row 1: Infinity/,
  );
  assert.throws(() => temporalize(x, [1, 2, 3], 1.5), /timesteps must be a positive integer; got 1\.5/);
  assert.throws(() => temporalize(x, [1, 2], 2), /temporalize: x and y have different lengths \(3 != 2\)/);
  assert.throws(() => temporalize([], [], 1), /temporalize: x is empty/);
  assert.throws(
    () => temporalize(new DataFrame({ d: ["a", "b"] }), [1, 2], 1),
    /temporalize: column "d" of x is not numeric/,
  );
});

test("shift: pandas' Series.shift for Series, DataFrames and arrays", () => {
  assert.deepEqual(shift([1, 2, 3, 4], -1), [2, 3, 4, NaN]);
  assert.deepEqual(shift([1, 2, 3, 4]), [NaN, 1, 2, 3]);
  assert.deepEqual(shift([1, 2, 3, 4], 2), [NaN, NaN, 1, 2]);
  assert.deepEqual(shift([1, 2], 0), [1, 2]);
  assert.deepEqual(shift([1, 2], 5), [NaN, NaN]);
  const s = new Series([5, 6, 7], { index: ["a", "b", "c"], columns: ["t"] });
  const up = shift(s, -1);
  assert.ok(up instanceof Series);
  assert.deepEqual(up.values, [6, 7, NaN]);
  assert.deepEqual(up.index, ["a", "b", "c"]);
  const df = new DataFrame({ v: [1, 2, 3], w: ["x", "y", "z"] });
  assert.deepEqual(shift(df, 1).values, [
    [NaN, null],
    [1, "x"],
    [2, "y"],
  ]);
  assert.throws(() => shift([1], 0.5), /shift: periods must be an integer; got 0\.5/);
});

test("addNextStepTarget: the course's shift(-1) target without the last row", () => {
  const df = new DataFrame({ target: [10, 11, 12, 13], other: [1, 2, 3, 4] }, { index: [5, 6, 7, 8] });
  const out = addNextStepTarget(df, "target");
  assert.deepEqual(out.columns, ["target", "other", "y"]);
  assert.deepEqual(out.values, [
    [10, 1, 11],
    [11, 2, 12],
    [12, 3, 13],
  ]);
  assert.deepEqual(out.index, [5, 6, 7]);
  assert.deepEqual(df.shape, [4, 2], "the input is unchanged");
  const two = addNextStepTarget(df, "other", { name: "next2", steps: 2 });
  assert.deepEqual(two["next2"].values, [3, 4]);
  assert.throws(
    () => addNextStepTarget(df, "Target"),
    /addNextStepTarget: column "Target" is not in the DataFrame; columns: "target", "other"/,
  );
  assert.throws(() => addNextStepTarget(df, "target", { steps: 4 }), /steps \(4\) must be smaller than the number of rows \(4\)/);
  assert.throws(() => addNextStepTarget(df, "target", { step: 2 } as never), /unknown option "step"; did you mean "steps"\?/);
});
