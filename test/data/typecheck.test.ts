import { test } from "node:test";
import assert from "node:assert/strict";
import { tslabTypeCheck } from "../tslabTypecheck";


const CELL = `
import { datasets, readCsv, trainTestSplit, toCategorical, temporalize, addNextStepTarget, shift, tf, DataFrame, Series } from "tslab-ml";
export function cell() {
  const df = datasets.bostonHousing();
  const x = df.drop({ columns: ["MEDV"] });
  const y = df["MEDV"] as Series;
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit(x, y, { testSize: 0.2, randomState: 1 });
  const rows: number = xTrain.shape[0] + xVal.shape[0] + yTrain.values.length + yVal.values.length;
  const { xTrain: images, yTrain: labels }: datasets.MnistData = datasets.mnist({ limit: 100 });
  const flat: tf.Tensor2D = images.reshape([-1, 784]).div(255) as tf.Tensor2D;
  const oneHot: tf.Tensor2D = toCategorical(labels, 10);
  const weather: DataFrame = addNextStepTarget(readCsv("w.csv", { parseDates: ["date"] }), "temp_max");
  const [x3, y3] = temporalize(weather.loc({ columns: ["temp_max"] }), weather["y"], 3);
  const [x3Train, x3Val, y3Train, y3Val] = trainTestSplit(x3, y3, { testSize: 20, shuffle: false });
  const s: number[] = shift([1, 2, 3], -1);
  const [a, b] = trainTestSplit([1, 2, 3, 4]);
  return [rows, flat.shape, oneHot.shape, x3Train.shape, x3Val.rank, y3Train.shape, y3Val.size, s, a.length + b.length];
}
// tslab declares each cell's top-level variables for the next cells: their types must be nameable.
export const boston = datasets.bostonHousing();
export const head = boston.head();
export const parts = trainTestSplit(boston.drop({ columns: ["MEDV"] }), boston["MEDV"], { testSize: 0.2 });
export const byRiver = boston.groupby(["CHAS"]).mean();
export const weather = datasets.seattleWeather().column("weather").str.toUpperCase();
export const digits = datasets.mnist({ limit: 10 });
`;

test("a data notebook cell type-checks with tslab's TypeScript 5.0.4", () => {
  const result = tslabTypeCheck(CELL, /dist\/src\/data\//, { declaration: true });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.emitErrors, []);
  assert.match(result.declarations, /head: import\("tslab-ml"\)\.DanfoBaseDataFrame/);
});
