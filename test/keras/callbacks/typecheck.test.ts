import { test } from "node:test";
import assert from "node:assert/strict";
import { tslabTypeCheck } from "../../tslabTypecheck";

const CELL = `
import * as cb from "tslab-ml/dist/src/keras/callbacks";
import { getLearningRate } from "tslab-ml/dist/src/keras/optimizers/learningRate";
import { pythonFormat } from "tslab-ml/dist/src/keras/format";
export function cell(): unknown[] {
  const list: cb.Callback[] = [
    cb.EarlyStopping({ monitor: "val_accuracy", patience: 3, restoreBestWeights: true, baseline: 0.5 }),
    cb.ModelCheckpoint("ckpt/{epoch:02d}-{val_loss:.2f}", { saveBestOnly: true, saveFreq: "epoch" }),
    cb.ReduceLROnPlateau({ factor: 0.5, cooldown: 1, minLr: 1e-5 }),
    cb.CSVLogger("log.csv", { append: true }),
    cb.TerminateOnNaN(),
    cb.ProgbarLogger({ verbose: 2 }),
  ];
  class Mine extends cb.Callback {
    override onEpochEnd(epoch: number, logs: cb.Logs = {}) { void epoch; void logs; }
  }
  const run = new cb.CallbackList([...list, new Mine(), { onEpochEnd: (e: number) => e }]);
  const opt = (list[2] as cb.ReduceLROnPlateauCallback).model?.optimizer;
  return [run, opt && getLearningRate(opt), pythonFormat("{epoch:03d}", { epoch: 3n }), cb.progressLine];
}
`;

test("the callbacks' declarations type-check with tslab's TypeScript 5.0.4", () => {
  assert.deepEqual(
    tslabTypeCheck(CELL, /dist\/src\/keras\/(callbacks|format|optimizers\/learningRate)/).errors,
    [],
  );
});
