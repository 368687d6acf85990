/**
 * The lesson notebooks: committed clean (no outputs, the "TypeScript ML" kernel, Korean
 * explanations, a closing check cell, one README line each); every one runs through the kernel
 * with nbclient without an error output (lessons check their own key results by throwing); and
 * every plot of every executed lesson draws in Debian's Chromium from the HTML export, offline.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { lessonNotebooks, runNotebooks, type LessonResult } from "../kernel/lessons";
import { packageRoot } from "../kernel/paths";
import { drawnPlots, launchChromium, offlinePage, waitForCount } from "./browser/chromium";
import { tempDir, tempJupyterPath, testPython } from "./helpers";

interface Output {
  output_type: string;
  text?: string[] | string;
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}
interface Notebook {
  metadata: { kernelspec?: { name?: string; display_name?: string } };
  cells: Cell[];
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));
const HANGUL = /[\uac00-\ud7a3]/;

let browser: Browser | null = null;
after(async () => {
  await browser?.close();
});

test("the lessons 00–09 are committed clean, in Korean; 01–09 end in a check cell", () => {
  const notebooks = lessonNotebooks();
  const names = notebooks.map((n) => path.basename(n));
  assert.deepEqual(
    names.map((n) => n.slice(0, 3)),
    ["00-", "01-", "02-", "03-", "04-", "05-", "06-", "07-", "08-", "09-"],
    `lesson files: ${names.join(", ")}`,
  );
  const readme = fs.readFileSync(path.join(packageRoot(), "README.md"), "utf8");
  for (const file of notebooks) {
    const name = path.basename(file);
    const nb = read(file);
    assert.equal(nb.metadata.kernelspec?.name, "tslab-ml", `${name}: kernel`);
    assert.equal(nb.metadata.kernelspec?.display_name, "TypeScript ML", `${name}: kernel name`);
    const code = nb.cells.filter((c) => c.cell_type === "code");
    const markdown = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => text(c.source));
    for (const [i, c] of code.entries()) {
      assert.deepEqual(c.outputs, [], `${name}: code cell ${i} is committed without outputs`);
      assert.equal(c.execution_count, null, `${name}: code cell ${i} has no execution count`);
    }
    assert.match(markdown[0] ?? "", new RegExp(`^# ${name.slice(0, 2)}\\. `), `${name}: title`);
    assert.ok(
      markdown.every((m) => HANGUL.test(m)),
      `${name}: every explanation is in Korean`,
    );
    if (!name.startsWith("00-")) {
      assert.match(text(code.at(-1)?.source), /throw new Error/, `${name}: ends in a check cell`);
      assert.ok(
        markdown.some((m) => m.includes("Python에서는")),
        `${name}: notes where the Python spelling differs`,
      );
    }
    const lines = readme.split("\n").filter((l) => l.includes(`\`${name}\``));
    assert.equal(lines.length, 1, `README lists ${name} on one line`);
  }
});

let results: LessonResult[] = [];

test("every lesson notebook executes without errors", { timeout: 3_000_000 }, (t) => {
  const notebooks = lessonNotebooks();
  const out = tempDir("lessons");
  results = runNotebooks(notebooks, out, tempJupyterPath(), testPython());
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  t.diagnostic(
    `${results.length} lessons in ${total.toFixed(1)} s: ${results.map((r) => `${r.notebook.slice(0, 2)} ${r.seconds} s`).join(", ")}`,
  );
  for (const r of results) {
    assert.deepEqual(r.errors, [], `${r.notebook} failed`);
    assert.ok(r.ok);
    assert.ok(r.html && fs.existsSync(r.html), `${r.notebook}: HTML export written`);
  }
  // the setup check shows the backend line, a tensor result and an HTML display
  const outputs = read(path.join(out, "00-setup-check.ipynb")).cells.flatMap(
    (c) => c.outputs ?? [],
  );
  const all = (o: Output) => JSON.stringify(o);
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

test(
  "every plot of every executed lesson draws in Chromium from the HTML export (offline)",
  { timeout: 900_000 },
  async (t) => {
    assert.equal(results.length, lessonNotebooks().length, "needs the executed lessons");
    browser = await launchChromium();
    let plotsInAll = 0;
    for (const r of results) {
      const executed = path.join(path.dirname(r.html ?? ""), r.notebook);
      const plots = read(executed)
        .cells.flatMap((c) => c.outputs ?? [])
        .filter((o) => o.data?.["application/vnd.plotly.v1+json"]).length;
      if (!r.notebook.startsWith("00-")) {
        assert.ok(plots >= 1, `${r.notebook} draws at least one plot`);
      }
      const { page, errors } = await offlinePage(browser, (u) => u.startsWith("file:"));
      await page.goto(`file://${r.html}`);
      const drawn = await waitForCount(() => drawnPlots(page), plots, 60_000);
      await page.close();
      assert.equal(drawn, plots, `${r.notebook}: ${drawn} of ${plots} plots drew`);
      assert.deepEqual(errors, [], `${r.notebook}: no page error`);
      plotsInAll += plots;
    }
    t.diagnostic(`${plotsInAll} plots drew in ${results.length} lessons`);
  },
);
