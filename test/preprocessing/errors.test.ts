import { test } from "node:test";
import assert from "node:assert/strict";
import { DataFrame } from "../../src/data/danfo";
import { LabelEncoder, MinMaxScaler, StandardScaler } from "../../src/preprocessing";

const X13 = [Array.from({ length: 13 }, (_, j) => j), Array.from({ length: 13 }, (_, j) => 2 * j)];

test("a non-numeric column is named with an example value", () => {
  const df = new DataFrame({ rooms: [3, 4, 5], town: ["Boston", "Nahant", "Boston"] });
  assert.throws(() => new MinMaxScaler().fit(df), {
    name: "ValueError",
    message:
      'MinMaxScaler.fit: column "town" is not numeric (values such as "Boston"); convert it ' +
      "(e.g. getDummies or LabelEncoder) or drop it",
  });
  const s = new StandardScaler().fit(new DataFrame({ rooms: [3, 4], town: [1, 2] }));
  assert.throws(
    () => s.transform(new DataFrame({ rooms: [3], town: ["Boston"] })),
    /^ValueError: StandardScaler.transform: column "town" is not numeric \(values such as "Boston"\)/,
  );
});

test("transform before fit is a NotFittedError", () => {
  assert.throws(() => new MinMaxScaler().transform([[1]]), {
    name: "NotFittedError",
    message:
      "MinMaxScaler.transform: this MinMaxScaler is not fitted yet; call fit or fitTransform first",
  });
  assert.throws(
    () => new StandardScaler().inverseTransform([[1]]),
    /StandardScaler.inverseTransform: this StandardScaler is not fitted yet/,
  );
  assert.throws(
    () => new MinMaxScaler().dataMin,
    /MinMaxScaler.state: this MinMaxScaler is not fitted yet/,
  );
  assert.throws(() => new LabelEncoder().transform(["a"]), {
    name: "NotFittedError",
    message:
      "LabelEncoder.transform: this LabelEncoder is not fitted yet; call fit or fitTransform first",
  });
});

test("a different number of features at transform time", () => {
  const s = new MinMaxScaler().fit(X13);
  assert.throws(() => s.transform([[1, 2, 3]]), {
    name: "ValueError",
    message:
      "MinMaxScaler.transform: X has 3 features, but MinMaxScaler was fitted with 13 features",
  });
  assert.throws(
    () => new StandardScaler().fit([[1], [2]]).inverseTransform([[1, 2]]),
    /StandardScaler.inverseTransform: X has 2 features, but StandardScaler was fitted with 1 feature$/,
  );
});

test("column names must match those seen in fit", () => {
  const s = new StandardScaler().fit(new DataFrame({ a: [1, 2], b: [3, 5] }));
  assert.throws(
    () => s.transform(new DataFrame({ a: [1], c: [2] })),
    /the column names should match those passed to fit; unseen at fit time: "c"; seen at fit time, yet now missing: "b"/,
  );
  assert.throws(
    () => s.transform(new DataFrame({ b: [1], a: [2] })),
    /the columns must be in the same order as in fit \(\["a", "b"\]\); got \["b", "a"\]/,
  );
});

test("Infinity is refused with column and count; NaN is ignored in fit and kept", () => {
  const df = new DataFrame({ a: [1, Infinity, 3, -Infinity], b: [1, 2, 3, 4] });
  assert.throws(() => new MinMaxScaler().fit(df), {
    message:
      'MinMaxScaler.fit: X contains 2 infinite values in column "a" (first at row 1: Infinity); ' +
      "replace or drop them first",
  });
  const s = new StandardScaler();
  const out = s.fitTransform([
    [1, NaN],
    [3, 2],
    [NaN, 4],
  ]);
  assert.deepEqual(out, [
    [-1, NaN],
    [1, -1],
    [NaN, 1],
  ]);
  assert.equal(s.nSamplesSeen, 2); // one number when every column has as many, as sklearn
  assert.deepEqual(
    new StandardScaler().fit([
      [1, NaN],
      [3, 2],
      [5, 4],
    ]).nSamplesSeen,
    [3, 2],
  );
});

test("bad options and empty input", () => {
  assert.throws(
    () => new MinMaxScaler({ featureRange: [1, 0] }),
    /MinMaxScaler: featureRange must be \[min, max\] with min < max; got \[1,0\]/,
  );
  assert.throws(
    () => new StandardScaler({ withMean: "no" as unknown as boolean }),
    /StandardScaler: withMean must be true or false; got no/,
  );
  assert.throws(
    () => new MinMaxScaler().fit([]),
    /MinMaxScaler.fit: X is empty \(0 samples\); at least 1 sample is required/,
  );
  assert.throws(
    () => new MinMaxScaler().fit([1, 2, 3] as never),
    /must be 2-D \[samples, features\]/,
  );
});

test("LabelEncoder refuses unseen labels, bad codes, mixed and missing labels", () => {
  const le = new LabelEncoder().fit(["b", "a", "b"]);
  assert.throws(() => le.transform(["a", "c"]), {
    message:
      'LabelEncoder.transform: y contains previously unseen labels: ["c"] (known classes: ["a", "b"])',
  });
  assert.throws(
    () => le.inverseTransform([0, 2, 1.5]),
    /LabelEncoder.inverseTransform: y contains codes that are not class indices 0..1: \[2, 1.5\]/,
  );
  assert.throws(
    () => le.fit(["a", 1] as never),
    /LabelEncoder.fit: y mixes strings and numbers \(position 1: 1\)/,
  );
  assert.throws(
    () => le.fit(["a", null] as never),
    /y contains a missing or invalid label at position 1 \(null\)/,
  );
});
