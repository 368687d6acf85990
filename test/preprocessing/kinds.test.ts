import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import * as tf from "@tensorflow/tfjs";
import { DataFrame, Series } from "../../src/data/danfo";
import { getDummies, LabelEncoder, MinMaxScaler, StandardScaler } from "../../src/preprocessing";

test("MinMaxScaler: constant column, clip, inverse round trip, repr", () => {
  const s = new MinMaxScaler({ featureRange: [-1, 1] });
  assert.deepEqual(
    s.fitTransform([
      [1, 5],
      [3, 5],
      [2, 5],
    ]),
    [
      [-1, -1],
      [1, -1],
      [0, -1],
    ],
  );
  assert.deepEqual(s.scale, [1, 2]);
  assert.deepEqual(s.dataRange, [2, 0]);
  assert.deepEqual(s.transform([[5, 5]]), [[3, -1]]);
  assert.deepEqual(new MinMaxScaler({ clip: true }).fit([[0], [1]]).transform([[2], [-1]]), [
    [1],
    [0],
  ]);
  assert.deepEqual(s.inverseTransform(s.transform([[2.5, 5]])), [[2.5, 5]]);
  assert.equal(String(s), "MinMaxScaler({ featureRange: [-1, 1] })");
  assert.equal(
    String(new StandardScaler({ withStd: false })),
    "StandardScaler({ withStd: false })",
  );
});

test("a Series stays a Series; a rank-1 tensor keeps its shape", () => {
  const out = new StandardScaler().fitTransform(new Series([1, 3], { index: ["x", "y"] }));
  assert.ok(out instanceof Series);
  assert.deepEqual(out.values, [-1, 1]);
  assert.deepEqual(out.index, ["x", "y"]);
  const t = new MinMaxScaler().fitTransform(tf.tensor1d([2, 4, 6]));
  assert.deepEqual(t.shape, [3]);
  assert.deepEqual(Array.from(t.dataSync()), [0, 0.5, 1]);
  t.dispose();
});

test("LabelEncoder with a Series and a tensor", () => {
  const le = new LabelEncoder();
  const codes = le.fitTransform(new Series(["dog", "cat", "dog"], { index: [10, 11, 12] }));
  assert.ok(codes instanceof Series);
  assert.deepEqual(codes.values, [1, 0, 1]);
  assert.deepEqual(codes.index, [10, 11, 12]);
  assert.deepEqual(le.inverseTransform([0, 1]), ["cat", "dog"]);
  const t = new LabelEncoder().fitTransform(tf.tensor1d([10, 3, 10], "int32"));
  assert.equal(t.dtype, "int32");
  assert.deepEqual(Array.from(t.dataSync()), [1, 0, 1]);
});

test("getDummies: string columns, sorted categories, index kept, missing → zeros", () => {
  const df = new DataFrame(
    { rooms: [3, 4, 5, 6], town: ["Rome", "Boston", null, "Rome"], ok: [true, false, true, true] },
    { index: ["a", "b", "c", "d"] },
  );
  const d = getDummies(df);
  assert.deepEqual(d.columns, ["rooms", "ok", "town_Boston", "town_Rome"]);
  assert.deepEqual(d.index, ["a", "b", "c", "d"]);
  assert.deepEqual(d.values, [
    [3, true, 0, 1],
    [4, false, 1, 0],
    [5, true, 0, 0],
    [6, true, 0, 1],
  ]);
  const e = getDummies(df, { columns: ["rooms"], prefix: "r", prefixSep: "=", dropFirst: true });
  assert.deepEqual(e.columns, ["town", "ok", "r=4", "r=5", "r=6"]);
  const s = getDummies(new Series(["b", "a", "b"]));
  assert.deepEqual(s.columns, ["a", "b"]);
  assert.deepEqual(s.values, [
    [0, 1],
    [1, 0],
    [0, 1],
  ]);
  assert.throws(
    () => getDummies(df, { columns: ["city"] }),
    /getDummies: column "city" is not in the DataFrame/,
  );
});

test("console.log shows a scaler like Python's repr", () => {
  assert.equal(inspect(new MinMaxScaler()), "MinMaxScaler()");
  assert.equal(
    inspect(new StandardScaler({ withMean: false })),
    "StandardScaler({ withMean: false })",
  );
});

test("scalers, LabelEncoder and getDummies take what danfo operations return", () => {
  const df = new DataFrame({ a: [1, 2, 3], b: [10, 20, 40], town: ["Rome", "Oslo", "Rome"] });
  const x = df.drop({ columns: ["town"] });
  assert.ok(!(x instanceof DataFrame), "df.drop gives danfo's base DataFrame");
  const scaled = new MinMaxScaler().fitTransform(x) as DataFrame;
  assert.deepEqual(scaled.columns, ["a", "b"]);
  assert.deepEqual(scaled.values, [
    [0, 0],
    [0.5, 1 / 3],
    [1, 1],
  ]);
  const std = new StandardScaler().fitTransform(df.loc({ columns: ["a"] })) as DataFrame;
  assert.deepEqual(std.columns, ["a"]);
  assert.ok(Math.abs((std.values as number[][])[2][0] - Math.sqrt(1.5)) < 1e-12);
  const enc = new LabelEncoder();
  assert.deepEqual((enc.fitTransform(df["town"]) as Series).values, [1, 0, 1]);
  assert.deepEqual(getDummies(df["town"] as Series).columns, ["Oslo", "Rome"]);
});
