import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { DataFrame } from "../../src/data/danfo";
import { LabelEncoder, MinMaxScaler, StandardScaler } from "../../src/preprocessing";
import { assertClose, loadGolden } from "../fixtures/sklearn/golden";

interface Case {
  scaler: "MinMaxScaler" | "StandardScaler";
  options: Record<string, unknown>;
  X: number[][];
  XNew: number[][];
  fitTransform: number[][];
  transformNew: number[][];
  inverseNew: number[][];
  state: Record<string, unknown>;
}
const golden = loadGolden<{
  scalers: Case[];
  labelEncoder: Array<{ y: (string | number)[]; classes: unknown[]; transform: number[] }>;
}>("scalers.json");

const make = (c: Case) =>
  c.scaler === "MinMaxScaler" ? new MinMaxScaler(c.options) : new StandardScaler(c.options);

test("scalers equal scikit-learn 1.2 on arrays: state, transform, inverse (NaN kept)", () => {
  for (const c of golden.scalers) {
    const where = `${c.scaler} ${JSON.stringify(c.options)}`;
    const s = make(c);
    assertClose(s.fitTransform(c.X), c.fitTransform, 1e-6, `${where} fitTransform`);
    assertClose(s.transform(c.XNew), c.transformNew, 1e-6, `${where} transform`);
    assertClose(s.inverseTransform(c.XNew), c.inverseNew, 1e-6, `${where} inverse`);
    const state = s as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(c.state)) assertClose(state[k], v, 1e-6, `${where} ${k}`);
    assert.equal(s.featureNames, undefined);
  }
});

test("a DataFrame keeps its columns and index; a tensor stays a tensor", () => {
  const c = golden.scalers.find((x) => x.scaler === "StandardScaler" && !x.X.flat().some(isNaN))!;
  const columns = ["a", "b", "c", "d", "e", "f"];
  const index = c.X.map((_, i) => `r${i}`);
  const df = new DataFrame(c.X, { columns, index });
  const s = new StandardScaler();
  const out = s.fitTransform(df);
  assert.ok(out instanceof DataFrame);
  assert.deepEqual(out.columns, columns);
  assert.deepEqual(out.index, index);
  assertClose(out.values, c.fitTransform, 1e-6, "DataFrame values");
  assert.deepEqual(s.featureNames, columns);
  const back = s.inverseTransform(out);
  assertClose(back.values, c.X, 1e-6, "DataFrame inverse");

  // float32 cannot hold the 1e9 + 1e-6 column, so the tensor check leaves it out.
  const x5 = c.X.map((r) => r.slice(0, 5));
  const m = new MinMaxScaler({ featureRange: [-1, 1] });
  const t = m.fitTransform(tf.tensor2d(x5));
  assert.ok(t instanceof tf.Tensor);
  assert.deepEqual(t.shape, [c.X.length, 5]);
  const ref = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(x5);
  assertClose(t.arraySync(), ref, 1e-5, "tensor (float32)");
  t.dispose();
});

test("LabelEncoder sorts classes and encodes like scikit-learn", () => {
  for (const c of golden.labelEncoder) {
    const le = new LabelEncoder();
    assert.deepEqual(le.fitTransform(c.y), c.transform);
    assert.deepEqual(le.classes, c.classes);
    assert.deepEqual(le.inverseTransform(c.transform), c.y);
  }
});
