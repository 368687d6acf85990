import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { tempDir } from "../../helpers";

/** tslab's own compiler (TypeScript 5.0.4), as the kernel uses it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");

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
  assert.equal(ts.version, "5.0.4");
  const dir = tempDir("callbacks-typecheck");
  let root = __dirname;
  while (!fs.existsSync(path.join(root, "package.json"))) root = path.dirname(root);
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "tslab-ml"), "dir");
  const file = path.join(dir, "cell.ts");
  fs.writeFileSync(file, CELL);
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    esModuleInterop: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  });
  const ours = ts
    .getPreEmitDiagnostics(program)
    .filter(
      (d) =>
        !d.file ||
        d.file.fileName === file ||
        /dist\/src\/keras\/(callbacks|format|optimizers\/learningRate)/.test(d.file.fileName),
    )
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(ours, []);
});
