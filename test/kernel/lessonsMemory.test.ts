/**
 * All lessons one after another in one kernel session (the code cells of every notebook that
 * `npm run lessons` runs, in order, in one notebook beside them so relative paths still work):
 * RSS stays under 1.5 GB, and after `keras.backend.clearSession()` (which frees the models and
 * runs a garbage collection) no model is held and RSS is back within 256 MB of where the session
 * started, not counting the tensors that the lessons' own variables still hold (their data sets,
 * as numpy arrays outlive Keras's clear_session) nor the growth of the wasm backend's heap
 * (a WebAssembly memory can grow but never shrink; freed tensors' space in it is reused). New lessons are covered as they are added.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { lessonNotebooks, runNotebooks } from "../../kernel/lessons";
import { notebook, tempDir, tempJupyterPath, testPython } from "../helpers";

interface Cell {
  cell_type: string;
  source: string | string[];
}

test(
  "all lessons in one kernel: RSS under 1.5 GB, back near the start after clearSession()",
  {
    timeout: 3_000_000,
  },
  () => {
    const lessons = lessonNotebooks();
    assert.ok(lessons.length >= 1);
    const cells = [
      'import { keras, tf } from "tslab-ml";\nkeras.backend.clearSession();\nconst rssStart = process.memoryUsage().rss;\nconst tensorBytesStart = tf.memory().numBytes;\nconst wasmHeap = () => (tf.backend() as unknown as { wasm?: { HEAPU8: Uint8Array } }).wasm?.HEAPU8.length ?? 0;\nconst wasmStart = wasmHeap();\nconst rssAfter: number[] = [];',
    ];
    for (const file of lessons) {
      const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Cell[] };
      for (const c of nb.cells) {
        if (c.cell_type === "code") cells.push([c.source].flat().join(""));
      }
      cells.push("rssAfter.push(process.memoryUsage().rss);");
    }
    cells.push(
      'keras.backend.clearSession();\nconsole.log("LESSONS_MEM " + JSON.stringify({ start: rssStart, after: rssAfter, end: process.memoryUsage().rss, tensorBytes: tf.memory().numBytes - tensorBytesStart, wasmGrowth: wasmHeap() - wasmStart, models: keras.backend.memoryReport().models }));',
    );
    // Beside the lessons, so that their relative paths resolve as when they run alone.
    const file = path.join(path.dirname(lessons[0]), `.all-lessons-${process.pid}.ipynb`);
    fs.writeFileSync(file, JSON.stringify(notebook(cells)));
    const out = tempDir("all-lessons");
    try {
      const [result] = runNotebooks([file], out, tempJupyterPath(), testPython());
      assert.deepEqual(result.errors, []);
    } finally {
      fs.rmSync(file, { force: true });
    }
    const executed = JSON.parse(fs.readFileSync(path.join(out, path.basename(file)), "utf8"));
    const text = (executed.cells.at(-1).outputs as { text?: string | string[] }[])
      .map((o) => [o.text ?? ""].flat().join(""))
      .join("");
    const mem = JSON.parse(/LESSONS_MEM (.*)/.exec(text)?.[1] ?? "null") as {
      start: number;
      after: number[];
      end: number;
      tensorBytes: number;
      wasmGrowth: number;
      models: number;
    };
    const mb = (v: number) => Math.round(v / 2 ** 20);
    console.log(
      `${lessons.length} lessons in one kernel: RSS ${mb(mem.start)} MB at start, after each ` +
        `${mem.after.map(mb).join(" / ")} MB, ${mb(mem.end)} MB after clearSession(), of which ` +
        `${mb(mem.tensorBytes)} MB are tensors the lessons' variables hold and ` +
        `${mb(mem.wasmGrowth)} MB the wasm heap's growth`,
    );
    assert.equal(mem.after.length, lessons.length);
    assert.ok(Math.max(...mem.after, mem.end) < 1.5 * 2 ** 30, "RSS under 1.5 GB");
    assert.ok(
      mem.end - mem.start - mem.tensorBytes - mem.wasmGrowth < 256 * 2 ** 20,
      "RSS ends near where the session started (besides held tensors and the wasm heap)",
    );
    assert.equal(mem.models, 0);
  },
);
