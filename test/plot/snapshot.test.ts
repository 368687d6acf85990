/**
 * The snapshot mechanism itself (snapshot.ts), on a temporary golden folder: a mismatch
 * writes <name>-changed.json, leaves the golden untouched and fails; the update switch is
 * refused in CI.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { tempDir } from "../helpers";
import { checkSnapshot, snapshotMode } from "./snapshot";

const files = (dir: string) => fs.readdirSync(dir).sort();

test("a mismatch writes <name>-changed.json, leaves the golden untouched and fails", (t) => {
  const dir = tempDir("snapshot");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const golden = path.join(dir, "fig.json");
  fs.writeFileSync(golden, '{ "a": 1 }\n');
  assert.throws(() => checkSnapshot(dir, "fig", '{ "a": 2 }\n', "compare"), {
    name: "AssertionError",
    message: /fig: figure differs from .*fig\.json; see .*fig-changed\.json/,
  });
  assert.equal(fs.readFileSync(golden, "utf8"), '{ "a": 1 }\n');
  assert.equal(fs.readFileSync(path.join(dir, "fig-changed.json"), "utf8"), '{ "a": 2 }\n');
  // a match passes and removes the stale -changed file
  checkSnapshot(dir, "fig", '{ "a": 1 }\n', "compare");
  assert.deepEqual(files(dir), ["fig.json"]);
});

test("a missing golden fails and leaves the new text to review", (t) => {
  const dir = tempDir("snapshot");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  assert.throws(() => checkSnapshot(dir, "new", "{}\n", "compare"), /new: .*new\.json is missing/);
  assert.deepEqual(files(dir), ["new-changed.json"]);
});

test("update mode writes the golden and removes the -changed file", (t) => {
  const dir = tempDir("snapshot");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, "fig.json"), "old\n");
  fs.writeFileSync(path.join(dir, "fig-changed.json"), "new\n");
  checkSnapshot(dir, "fig", "new\n", "update");
  assert.deepEqual(files(dir), ["fig.json"]);
  assert.equal(fs.readFileSync(path.join(dir, "fig.json"), "utf8"), "new\n");
});

test("TSLAB_ML_UPDATE_GOLDEN=1 updates on a developer's machine and is refused when CI is set", () => {
  assert.equal(snapshotMode({}), "compare");
  assert.equal(snapshotMode({ TSLAB_ML_UPDATE_GOLDEN: "0" }), "compare");
  assert.equal(snapshotMode({ TSLAB_ML_UPDATE_GOLDEN: "1" }), "update");
  assert.throws(
    () => snapshotMode({ TSLAB_ML_UPDATE_GOLDEN: "1", CI: "true" }),
    /TSLAB_ML_UPDATE_GOLDEN=1 is refused when CI is set \(CI=true\)/,
  );
  assert.equal(snapshotMode({ CI: "true" }), "compare");
});

test("every case has a golden and every golden a case", async () => {
  const { CASES } = await import("./cases");
  const { packageRoot } = await import("../../kernel/paths");
  const dir = path.join(packageRoot(), "test", "plot", "golden");
  const goldens = files(dir).filter((f) => !f.endsWith("-changed.json"));
  assert.deepEqual(
    goldens,
    Object.keys(CASES)
      .map((n) => `${n}.json`)
      .sort(),
  );
});
