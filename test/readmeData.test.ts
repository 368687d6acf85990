/**
 * The README's "Data, scaling and metrics" example runs as written (from the repository root,
 * where its CSV path points) and type-checks.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { ready } from "../src/backend";
import type { DataFrame } from "../src/data/danfo";
import { readmeBlocks, repoRoot, runBlock, typeErrors } from "./readme";

before(() => ready());

test("README: the data / split / scale example runs and scales the train part into [0, 1]", async (t) => {
  const [block] = readmeBlocks("## Data, scaling and metrics");
  const cwd = process.cwd();
  process.chdir(repoRoot());
  t.after(() => process.chdir(cwd));
  const out = await runBlock(block, ["xTrainS", "xValS", "weather"]);
  const train = out.xTrainS as DataFrame;
  const val = out.xValS as DataFrame;
  assert.deepEqual(train.shape, [404, 13]);
  assert.deepEqual(val.shape, [102, 13]);
  const flat = (train.values as number[][]).flat();
  assert.equal(Math.min(...flat), 0);
  assert.equal(Math.max(...flat), 1);
  assert.deepEqual((out.weather as DataFrame).shape, [1461, 6]);
});

test("README: the data example type-checks against the package", () => {
  assert.deepEqual(typeErrors(readmeBlocks("## Data, scaling and metrics")), []);
});
