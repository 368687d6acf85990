/**
 * fit / evaluate / predict take what danfo operations return (df.drop(...), df["col"],
 * df.head()), which are danfo's base classes rather than the exported DataFrame / Series.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as keras from "../../src/keras";
import { DataFrame, Series } from "../../src/data/danfo";
import { backendReady } from "./setup";

before(backendReady);

test("fit, evaluate and predict accept df.drop(...), df[col] and df.head()", async () => {
  const rows = 40;
  const a = Array.from({ length: rows }, (_, i) => i / rows);
  const b = a.map((v) => 1 - v * v);
  const df = new DataFrame({ a, b, y: a.map((v, i) => 2 * v - b[i]) });
  const x = df.drop({ columns: ["y"] });
  const y = df["y"] as Series;
  assert.ok(!(x instanceof DataFrame) && !(y instanceof Series), "danfo's base classes");
  keras.backend.clearSession();
  const model = keras.Sequential([keras.Input({ shape: [2] }), keras.layers.Dense(1)]);
  model.compile({ optimizer: "sgd", loss: "mse" });
  const h = await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, validationSplit: 0.25 });
  assert.equal(h.history.val_loss.length, 2);
  const loss = model.evaluate(x.head(10), df.head(10)["y"] as Series, { verbose: 0 });
  assert.ok(Number.isFinite(loss as number));
  assert.deepEqual(model.predict(x, { verbose: 0 }).shape, [rows, 1]);
  assert.throws(
    () => model.predict(df.loc({ columns: ["a"] }), { verbose: 0 }),
    /x has 1 feature.* but the model's input expects 2/,
  );
});
