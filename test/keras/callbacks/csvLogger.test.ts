import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { CSVLogger } from "../../../src/keras/callbacks";
import { tempDir } from "../../helpers";
import { drive, DummyModel } from "./helpers";

const epochs = [
  { loss: 0.5, accuracy: 0.75, val_loss: 0.625, val_accuracy: 0.7 },
  { loss: 0.25, accuracy: 1e-5, val_loss: 0.1 + 0.2, val_accuracy: 1 },
];

test("CSVLogger: header epoch + sorted keys, one row per epoch, Python float text, \\r\\n lines", async () => {
  const file = path.join(tempDir("csv"), "logs", "run.csv");
  const model = new DummyModel();
  await drive(CSVLogger(file), model, epochs);
  assert.equal(
    fs.readFileSync(file, "utf8"),
    "epoch,accuracy,loss,val_accuracy,val_loss\r\n" +
      "0,0.75,0.5,0.7,0.625\r\n" +
      "1,1e-05,0.25,1.0,0.30000000000000004\r\n",
  );
  // A new run replaces the file; append continues it without a second header.
  await drive(CSVLogger(file), model, epochs.slice(0, 1));
  await drive(CSVLogger(file, { append: true }), model, epochs.slice(1));
  assert.deepEqual(fs.readFileSync(file, "utf8").split("\r\n"), [
    "epoch,accuracy,loss,val_accuracy,val_loss",
    "0,0.75,0.5,0.7,0.625",
    "0,1e-05,0.25,1.0,0.30000000000000004",
    "",
  ]);
  model.dispose();
});

test("CSVLogger: val_ columns are added (NA) when the first epoch has none; custom separator", async () => {
  const file = path.join(tempDir("csv"), "t.csv");
  const model = new DummyModel();
  await drive(CSVLogger(file, { separator: ";" }), model, [{ loss: 2 }, { loss: 1.5 }]);
  assert.equal(fs.readFileSync(file, "utf8"), "epoch;loss;val_loss\r\n0;2.0;NA\r\n1;1.5;NA\r\n");
  assert.throws(() => CSVLogger(file, { separator: "::" }), {
    message: 'CSVLogger: separator must be one character such as "," or ";"; got "::"',
  });
  model.dispose();
});
