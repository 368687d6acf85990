/**
 * Every lesson notebook in notebooks/ runs through the kernel with nbclient
 * without an error output (lessons check their own key results by throwing).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { lessonNotebooks, runNotebooks } from "../kernel/lessons";
import { tempDir, tempJupyterPath, testPython } from "./helpers";

test("every lesson notebook executes without errors", { timeout: 3_000_000 }, () => {
  const notebooks = lessonNotebooks();
  assert.ok(notebooks.some((n) => n.endsWith("00-setup-check.ipynb")));
  const out = tempDir("lessons");
  const results = runNotebooks(notebooks, out, tempJupyterPath(), testPython());
  for (const r of results) {
    assert.deepEqual(r.errors, [], `${r.notebook} failed`);
    assert.ok(r.ok);
  }
  // the setup check shows the backend line, a tensor result and an HTML display
  const nb = JSON.parse(fs.readFileSync(path.join(out, "00-setup-check.ipynb"), "utf8"));
  const outputs = nb.cells.flatMap((c: { outputs?: unknown[] }) => c.outputs ?? []) as {
    output_type: string;
    text?: string[] | string;
    data?: Record<string, string[] | string>;
  }[];
  const all = (o: (typeof outputs)[number]) => JSON.stringify(o);
  assert.ok(
    outputs.some(
      (o) =>
        o.output_type === "stream" &&
        /tslab-ml: TensorFlow\.js [\d.]+ on (wasm|cpu|tensorflow)/.test(all(o)),
    ),
  );
  assert.ok(
    outputs.some(
      (o) => o.output_type === "execute_result" && all(o).includes("[ [ 7, 10 ], [ 15, 22 ] ]"),
    ),
  );
  assert.ok(
    outputs.some((o) => o.output_type === "display_data" && o.data?.["text/html"] !== undefined),
  );
});
