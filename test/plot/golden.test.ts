/**
 * Snapshot tests of figure specs. Each case in cases.ts is compared with
 * test/plot/golden/<name>.json. A mismatch writes <name>-changed.json beside the golden and
 * fails; tests never rewrite goldens. To accept changes, review the -changed files and run
 * `TSLAB_ML_UPDATE_GOLDEN=1 node --test dist/test/plot/golden.test.js` (writes the goldens).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import * as prettier from "prettier";
import { packageRoot } from "../../kernel/paths";
import { CASES } from "./cases";

const DIR = path.join(packageRoot(), "test", "plot", "golden");
const update = process.env.TSLAB_ML_UPDATE_GOLDEN === "1";

for (const [name, build] of Object.entries(CASES)) {
  test(`figure snapshot: ${name}`, async () => {
    // formatted as the repository's prettier check expects
    const actual = await prettier.format(JSON.stringify(build()), {
      parser: "json",
      printWidth: 100,
    });
    const golden = path.join(DIR, `${name}.json`);
    const changed = path.join(DIR, `${name}-changed.json`);
    if (update) {
      fs.writeFileSync(golden, actual);
      fs.rmSync(changed, { force: true });
      return;
    }
    assert.ok(
      fs.existsSync(golden),
      `${golden} is missing; generate it with TSLAB_ML_UPDATE_GOLDEN=1`,
    );
    if (fs.readFileSync(golden, "utf8") !== actual) {
      fs.writeFileSync(changed, actual);
      assert.fail(`${name}: figure differs from ${golden}; see ${changed}`);
    }
    fs.rmSync(changed, { force: true });
  });
}
