/**
 * A save killed mid-write (SIGKILL while the bytes go to disk, in a child process) leaves the
 * previous `.keras` file / model folder loadable, and the next successful save removes the
 * killed save's temporary file.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../../src/keras";
import { tempDir } from "../../helpers";
import { backendReady } from "../setup";

before(backendReady);

const INDEX = path.resolve(__dirname, "../../../src/index.js");

/** Runs a child that loads `target`, changes every weight and saves it, killed mid-write. */
function killedSave(target: string) {
  const script = `
    process.env.TSLAB_ML_QUIET = "1";
    const fs = require("fs");
    const { keras, ready } = require(${JSON.stringify(INDEX)});
    (async () => {
      await ready();
      const m = await keras.models.loadModel(${JSON.stringify(target)});
      m.setWeights(m.getWeights().map((w) => w.add(1)));
      // Kill the process halfway through writing the save's temporary file.
      const open = fs.openSync;
      const write = fs.writeSync;
      const temps = new Set();
      fs.openSync = (file, ...rest) => {
        const fd = open(file, ...rest);
        if (String(file).includes(".tmp-")) temps.add(fd);
        return fd;
      };
      fs.writeSync = (fd, data, offset, length, ...rest) => {
        if (!temps.has(fd)) return write(fd, data, offset, length, ...rest);
        write(fd, data, offset, Math.max(1, Math.floor(length / 2)));
        process.kill(process.pid, "SIGKILL");
      };
      await m.save(${JSON.stringify(target)});
      console.log("save finished (not expected)");
    })();`;
  return spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 120_000 });
}

const bits = (ts: tf.Tensor[]) =>
  ts.map((t) => Buffer.from((t.dataSync() as Float32Array).buffer).toString("hex"));

for (const kind of [".keras file", "model folder"]) {
  test(`a killed save keeps the previous ${kind}; the next save removes the leftover`, async () => {
    const dir = tempDir("killed");
    const target = path.join(dir, kind === ".keras file" ? "m.keras" : "m");
    const model = keras.Sequential([keras.Input({ shape: [3] }), keras.layers.Dense(2)]);
    model.compile({ optimizer: "adam", loss: "mse" });
    await model.save(target);
    const saved = bits(model.getWeights());

    const child = killedSave(target);
    assert.equal(child.signal, "SIGKILL", `child: ${child.stdout} ${child.stderr}`);
    const left = fs.readdirSync(dir).filter((f) => f.startsWith(".m"));
    assert.equal(left.length, 1, `one temporary leftover: ${fs.readdirSync(dir).join(", ")}`);
    assert.match(
      left[0],
      new RegExp(`^\\.${path.basename(target).replace(".", "\\.")}\\.tmp-${child.pid}-`),
    );

    const again = await keras.models.loadModel(target);
    assert.deepEqual(bits(again.getWeights()), saved, "the previous save is intact");
    await again.save(target);
    assert.deepEqual(fs.readdirSync(dir), [path.basename(target)], "leftover removed");
    assert.deepEqual(bits((await keras.models.loadModel(target)).getWeights()), saved);
  });
}
