/**
 * Snapshot tests of figure specs. Each case in cases.ts is compared with
 * test/plot/golden/<name>.json (see snapshot.ts): a mismatch writes <name>-changed.json beside
 * the golden and fails; tests never rewrite goldens. To accept changes, review the -changed
 * files and run `TSLAB_ML_UPDATE_GOLDEN=1 node --test dist/test/plot/golden.test.js` (writes
 * the goldens; refused when CI is set).
 */
import { test } from "node:test";
import path from "path";
import * as prettier from "prettier";
import { packageRoot } from "../../kernel/paths";
import { CASES } from "./cases";
import { checkSnapshot, snapshotMode } from "./snapshot";

const DIR = path.join(packageRoot(), "test", "plot", "golden");

for (const [name, build] of Object.entries(CASES)) {
  test(`figure snapshot: ${name}`, async () => {
    const mode = snapshotMode();
    // formatted as the repository's prettier check expects
    const actual = await prettier.format(JSON.stringify(build()), {
      parser: "json",
      printWidth: 100,
    });
    checkSnapshot(DIR, name, actual, mode);
  });
}
