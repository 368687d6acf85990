/**
 * Snapshot files for the figure tests: `<dir>/<name>.json` is the golden, reviewed and
 * committed; tests never rewrite it on their own.
 *
 * - Compare (the default): a matching text removes a stale `<name>-changed.json`; a different
 *   (or missing) golden writes the new text to `<name>-changed.json` beside it, leaves the
 *   golden untouched and fails. `*-changed.json` is git-ignored.
 * - Update: with `TSLAB_ML_UPDATE_GOLDEN=1` the golden is (re)written and the `-changed` file
 *   removed, so accepting a reviewed change is
 *   `TSLAB_ML_UPDATE_GOLDEN=1 node --test dist/test/plot/golden.test.js`. When `CI` is set
 *   (CI runs with `CI=true`) the update switch is refused: every snapshot test fails instead of
 *   quietly accepting whatever the code now produces.
 *
 * @example
 * checkSnapshot(dir, "line", text, snapshotMode()); // throws when text differs from dir/line.json
 */
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";

/** The environment variable that turns comparing into (re)writing the goldens. */
export const UPDATE_VARIABLE = "TSLAB_ML_UPDATE_GOLDEN";

/** Compare with the goldens, or rewrite them. */
export type SnapshotMode = "compare" | "update";

/** The mode `env` asks for; throws when an update is asked for in CI (see the module doc). */
export function snapshotMode(env: NodeJS.ProcessEnv = process.env): SnapshotMode {
  if (env[UPDATE_VARIABLE] !== "1") return "compare";
  if (env.CI) {
    throw new Error(
      `${UPDATE_VARIABLE}=1 is refused when CI is set (CI=${env.CI}): goldens are updated on a ` +
        `developer's machine after reviewing the -changed files, never by CI`,
    );
  }
  return "update";
}

/** Compare `actual` with `<dir>/<name>.json`, or write it there in update mode. */
export function checkSnapshot(dir: string, name: string, actual: string, mode: SnapshotMode): void {
  const golden = path.join(dir, `${name}.json`);
  const changed = path.join(dir, `${name}-changed.json`);
  if (mode === "update") {
    fs.writeFileSync(golden, actual);
    fs.rmSync(changed, { force: true });
    return;
  }
  if (!fs.existsSync(golden)) {
    fs.writeFileSync(changed, actual);
    assert.fail(
      `${name}: ${golden} is missing; review ${changed}, then accept it with ${UPDATE_VARIABLE}=1`,
    );
  }
  if (fs.readFileSync(golden, "utf8") !== actual) {
    fs.writeFileSync(changed, actual);
    assert.fail(
      `${name}: figure differs from ${golden}; see ${changed} (accept with ${UPDATE_VARIABLE}=1)`,
    );
  }
  fs.rmSync(changed, { force: true });
}
