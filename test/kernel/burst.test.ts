/**
 * A burst of outputs in one cell: more sends than zeromq.js allows in one turn of the event loop
 * (512) made it refuse the next one ("Socket is busy writing"), the error was lost and the cell
 * never got its execute_reply. Now every output, the cell's error and the next cell arrive.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { runNotebooks } from "../../kernel/lessons";
import { notebook, tempDir, tempJupyterPath, testPython } from "../helpers";

interface Output {
  output_type: string;
  ename?: string;
  evalue?: string;
  text?: string | string[];
}

test("800 displays in one cell, then an error: all arrive, in order, and the kernel goes on", () => {
  const dir = tempDir("burst");
  const file = path.join(dir, "burst.ipynb");
  fs.writeFileSync(
    file,
    JSON.stringify(
      notebook([
        'import { display, html } from "tslab-ml";',
        'for (let i = 0; i < 800; i++) display(html("<p>output " + i + "</p>"));\nthrow new Error("after the burst");',
        'console.log("next cell " + (1 + 1));',
      ]),
    ),
  );
  const before = process.env.TSLAB_ML_CELL_TIMEOUT;
  process.env.TSLAB_ML_CELL_TIMEOUT = "120"; // a lost reply fails the test instead of waiting
  let result;
  try {
    [result] = runNotebooks([file], path.join(dir, "out"), tempJupyterPath(), testPython());
  } finally {
    if (before === undefined) delete process.env.TSLAB_ML_CELL_TIMEOUT;
    else process.env.TSLAB_ML_CELL_TIMEOUT = before;
  }
  assert.deepEqual(result.errors, ["cell 1: Error: after the burst"]);
  const cells = (
    JSON.parse(fs.readFileSync(path.join(dir, "out", "burst.ipynb"), "utf8")) as {
      cells: { outputs: (Output & { data?: Record<string, string | string[]> })[] }[];
    }
  ).cells;
  const burst = cells[1].outputs;
  assert.equal(burst.length, 801);
  const shown = burst
    .slice(0, 800)
    .map((o) => [o.data?.["text/html"] ?? ""].flat().join(""))
    .map((h) => Number(/output (\d+)/.exec(h)?.[1]));
  assert.deepEqual(
    shown,
    Array.from({ length: 800 }, (_, i) => i),
    "every display, in order",
  );
  assert.equal(burst[800].output_type, "error");
  assert.equal(burst[800].evalue, "after the burst");
  assert.match([cells[2].outputs[0]?.text ?? ""].flat().join(""), /next cell 2/);
  fs.rmSync(dir, { recursive: true, force: true });
});
