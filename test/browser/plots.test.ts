/**
 * Real-browser rendering of notebooks/_test/plots.ipynb (every figure type, tables, tensors,
 * models, the live training view, Keras-style training output):
 * 1. executed through the kernel with nbclient: rich outputs present, plotly inlined once, the
 *    Keras progress view one output updated in place (also checked on the iopub messages of a
 *    small notebook: one display id, updates to it, no stream lines);
 * 2. exported with nbconvert to HTML and opened offline in Debian's headless Chromium: every
 *    plot drew its SVG, no page error (screenshot: notebooks/_build/plots-export.png);
 * 3. opened in a running Jupyter Notebook server and Run All through the UI: every plot drew,
 *    the live view's text/html frames were redrawn in place (one element at a time, one
 *    re-render per update_display_data) at several epochs before becoming the final figure,
 *    and the model summaries and the progress view rendered (screenshot:
 *    notebooks/_build/plots-notebook.png).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { runNotebooks } from "../../kernel/lessons";
import { packageRoot } from "../../kernel/paths";
import { notebook, tempDir, tempJupyterPath, testPython } from "../helpers";
import { drawnPlots, launchChromium, offlinePage, waitForCount } from "./chromium";
import { startNotebookServer, stopNotebookServer, type NotebookServer } from "./notebookServer";

const NOTEBOOK = path.join(packageRoot(), "notebooks", "_test", "plots.ipynb");
const SHOTS = path.join(packageRoot(), "notebooks", "_build");

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  text?: string | string[];
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}

let browser: Browser | null = null;
let server: NotebookServer | null = null;
let serverDir = "";
let executed = "";
let plotCount = 0;
const jupyterPath = tempJupyterPath();

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  if (server) await stopNotebookServer(server);
  if (serverDir) fs.rmSync(serverDir, { recursive: true, force: true });
  await browser?.close();
});

const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));

test(
  "the test notebook executes through the kernel with rich outputs",
  { timeout: 600_000 },
  (t) => {
    const out = tempDir("plots");
    const [r] = runNotebooks([NOTEBOOK], out, jupyterPath, testPython());
    assert.deepEqual(r.errors, []);
    executed = path.join(out, "plots.ipynb");
    const cells = (JSON.parse(fs.readFileSync(executed, "utf8")).cells as Cell[]).filter(
      (c) => c.cell_type === "code",
    );
    const outputsOf = (needle: string) =>
      cells.find((c) => text(c.source).includes(needle))?.outputs ?? [];
    const result = (needle: string) =>
      outputsOf(needle).find((o) => o.output_type === "execute_result");
    const table = text(result("\ndf")?.data?.["text/html"]);
    assert.match(table, /<table border="1" class="dataframe">/);
    assert.match(table, /<p>100 rows × 3 columns<\/p>/);
    assert.match(text(result('df["x"].head(3)')?.data?.["text/html"]), /Name: x, dtype: float32/);
    assert.match(
      text(result("tf.tensor2d")?.data?.["text/plain"]),
      /^Tensor shape \[2, 3\] dtype float32/,
    );
    const plots = cells
      .flatMap((c) => c.outputs ?? [])
      .filter((o) => o.data?.["application/vnd.plotly.v1+json"]);
    plotCount = plots.length;
    assert.ok(plotCount >= 15, `${plotCount} plots`);
    const carrying = (kind: string) =>
      plots.filter((o) =>
        text(o.data?.["text/html"]).includes(`plotly.js (${kind}), inlined by tslab-ml`),
      );
    assert.deepEqual(
      carrying("cartesian"),
      [plots[0]],
      "cartesian plotly.js only in the first plot",
    );
    const full = carrying("full");
    assert.equal(full.length, 1, "the full plotly.js once, for the scatterpolar figure");
    assert.equal(
      (full[0].data?.["application/vnd.plotly.v1+json"] as { data: { type: string }[] }).data[0]
        .type,
      "scatterpolar",
    );
    const live = outputsOf("new LivePlot()").filter((o) => o.output_type === "display_data");
    assert.equal(live.length, 1);
    assert.ok(
      live[0].data?.["application/vnd.plotly.v1+json"],
      "the live view ends as the plotly figure",
    );

    // a raw tfjs model as the last expression: the summary tfjs prints
    const raw = result("a raw tfjs model as the last expression");
    assert.match(text(raw?.data?.["text/plain"]), /Layer \(type\)[\s\S]*Total params: 25/);
    assert.match(text(raw?.data?.["text/html"]), /<pre>[\s\S]*Total params: 25/);

    // Keras-style model: summary() displays it, the model as the last expression shows it too
    const summary = outputsOf("kmodel.summary()").filter((o) => o.output_type === "display_data");
    assert.equal(summary.length, 1, "summary() shows one output");
    for (const o of [
      summary[0],
      cells
        .find((c) => text(c.source).trim() === "kmodel")
        ?.outputs?.find((o) => o.output_type === "execute_result"),
    ]) {
      assert.match(text(o?.data?.["text/plain"]), /^Model: "sequential"[\s\S]*Total params: 21/);
      assert.match(text(o?.data?.["text/html"]), /dense \(Dense\)[\s\S]*Total params:(<\/b>)? 21/);
    }

    // fit with verbose 1: ONE progress output updated in place, not one stream line per epoch
    const fitOutputs = outputsOf("kmodel.fit(");
    const shown = (o: Output) => text(o.output_type === "stream" ? o.text : o.data?.["text/plain"]);
    const progress = fitOutputs.filter((o) => shown(o).includes("━"));
    t.diagnostic(
      `fit cell outputs: ${fitOutputs.map((o) => `${o.output_type} ${JSON.stringify(shown(o).slice(0, 40))}`).join(" | ")}`,
    );
    assert.equal(progress.length, 1, "the progress view is one output");
    assert.equal(progress[0].output_type, "display_data");
    assert.match(shown(progress[0]), /Epoch 5\/5/);
    assert.match(shown(progress[0]), /━+ .*loss: [\d.]+ - val_loss: [\d.]+/);
    assert.deepEqual(
      fitOutputs.filter((o) => o.output_type === "stream" && /Epoch|━/.test(shown(o))).map(shown),
      [],
      "no progress as stream lines",
    );
    assert.equal(
      fitOutputs.filter((o) => o.data?.["application/vnd.plotly.v1+json"]).length,
      1,
      "the LivePlot ends as one plotly figure",
    );
    // the History as the last expression: its learning curves
    const curves = result("// the History as the last expression")?.data?.[
      "application/vnd.plotly.v1+json"
    ] as { data: { name: string; y: number[] }[] } | undefined;
    assert.deepEqual(
      curves?.data.map((tr) => [tr.name, tr.y.length]),
      [
        ["train_err", 5],
        ["val_err", 5],
      ],
    );
  },
);

// nbclient keeps no display ids in the executed notebook, so the messages are recorded here
const RECORDER = `
import json, sys
import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
log = []

class Recorder(NotebookClient):
    def process_message(self, msg, cell, cell_index):
        kind = msg["header"]["msg_type"]
        content = msg.get("content", {})
        if kind in ("stream", "display_data", "update_display_data", "execute_result"):
            data = content.get("data", {})
            log.append({
                "cell": cell_index,
                "type": kind,
                "id": (content.get("transient") or {}).get("display_id"),
                "text": content.get("text", "") if kind == "stream" else data.get("text/plain", ""),
                "mimes": sorted(data),
            })
        return super().process_message(msg, cell, cell_index)

Recorder(nb, kernel_name="tslab-ml", timeout=300).execute()
print(json.dumps(log))
`;

test(
  "the Keras progress view is one display id updated in place (iopub messages)",
  { timeout: 300_000 },
  (t) => {
    const dir = tempDir("progress");
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const nb = path.join(dir, "progress.ipynb");
    fs.writeFileSync(
      nb,
      JSON.stringify(
        notebook([
          'import { keras, tf, ready } from "tslab-ml";\nawait ready();',
          [
            'const model = keras.Sequential([keras.Input({ shape: [3] }), keras.layers.Dense(4, { activation: "relu" }), keras.layers.Dense(1)]);',
            'model.compile({ optimizer: "adam", loss: "mse" });',
            'const x = tf.randomNormal([40, 3], 0, 1, "float32", 7);',
            "await model.fit(x, x.sum(1, true), { epochs: 5, verbose: 1, validationSplit: 0.2 });",
          ].join("\n"),
        ]),
      ),
    );
    const r = spawnSync(testPython(), ["-c", RECORDER, nb], {
      encoding: "utf8",
      cwd: dir,
      timeout: 240_000,
      env: { ...process.env, JUPYTER_PATH: jupyterPath },
    });
    assert.equal(r.status, 0, r.stderr);
    const messages = (
      JSON.parse(r.stdout.trim().split("\n").pop() ?? "[]") as {
        cell: number;
        type: string;
        id: string | null;
        text: string;
      }[]
    ).filter((m) => m.cell === 1);
    t.diagnostic(
      `fit cell messages: ${messages.map((m) => `${m.type}${m.id ? `#${m.id.slice(0, 8)}` : ""}`).join(", ")}`,
    );
    const bar = messages.filter((m) => m.text.includes("━"));
    assert.ok(bar.length >= 5, `${bar.length} progress messages (at least one per epoch)`);
    assert.equal(bar[0].type, "display_data");
    assert.ok(bar[0].id, "the progress display has a display id (transient)");
    assert.deepEqual(
      bar.slice(1).map((m) => [m.type, m.id]),
      bar.slice(1).map(() => ["update_display_data", bar[0].id]),
      "every later frame updates the same display",
    );
    assert.match(bar[bar.length - 1].text, /Epoch 5\/5[\s\S]*━/);
    assert.deepEqual(
      messages.filter((m) => m.type === "stream" && /Epoch|━/.test(m.text)).map((m) => m.text),
      [],
      "no progress as stream lines",
    );
  },
);

test(
  "the nbconvert HTML export draws every plot offline in Chromium",
  { timeout: 300_000 },
  async () => {
    assert.ok(executed, "needs the executed notebook");
    const dir = path.dirname(executed);
    const r = spawnSync("/usr/bin/python3", ["-m", "nbconvert", "--to", "html", executed], {
      encoding: "utf8",
      timeout: 240_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const { page, errors } = await offlinePage(browser!, (u) => u.startsWith("file:"));
    await page.goto(`file://${path.join(dir, "plots.html")}`);
    const drawn = await waitForCount(() => drawnPlots(page), plotCount, 120_000);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, "plots-export.png"), fullPage: true });
    await page.close();
    assert.equal(drawn, plotCount);
    assert.deepEqual(errors, []);
  },
);

test(
  "Run All in a Jupyter Notebook server draws the plots and updates the live view in place",
  { timeout: 600_000 },
  async (t) => {
    // inside the repository (notebooks/_build is ignored by git), as the lessons run
    fs.mkdirSync(SHOTS, { recursive: true });
    const dir = fs.mkdtempSync(path.join(SHOTS, "nbserver-"));
    serverDir = dir;
    fs.copyFileSync(NOTEBOOK, path.join(dir, "plots.ipynb"));
    server = await startNotebookServer(testPython(), dir, jupyterPath, tempDir("nbstate"));
    const origin = server.url;
    const { page, errors } = await offlinePage(browser!, (u) => u.startsWith(origin));
    await page.goto(`${origin}/notebooks/plots.ipynb?token=${server.token}`);
    await page.waitForFunction(
      "window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
      undefined,
      { timeout: 120_000 },
    );
    // record, while the cells run: the probe texts; for the raw-tfjs LivePlot cell every
    // text/html frame inserted into its output (and how many frames it holds at once) and every
    // update_display_data Notebook 6 handled there (its output_updated event); for the Keras fit
    // cell the updates of its progress view
    await page.evaluate(`(() => {
    const seen = (window.__seen = { probe: new Set(), inserted: [], maxAtOnce: 0, liveUpdates: [], progressUpdates: 0 });
    const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code");
    const liveCell = code.find((c) => c.get_text().includes("new LivePlot()") && c.get_text().includes("slow"));
    const fitCell = code.find((c) => c.get_text().includes("kmodel.fit("));
    new MutationObserver(() => {
      document.querySelectorAll("svg text").forEach((t) => { if (/^probe /.test(t.textContent)) seen.probe.add(t.textContent); });
    }).observe(document.body, { childList: true, subtree: true });
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const frames = [...(n.matches(".tslab-ml-live") ? [n] : []), ...n.querySelectorAll(".tslab-ml-live")];
        for (const f of frames) seen.inserted.push(f.dataset.epoch);
      }
      seen.maxAtOnce = Math.max(seen.maxAtOnce, liveCell.element[0].querySelectorAll(".tslab-ml-live").length);
    }).observe(liveCell.element[0], { childList: true, subtree: true });
    Jupyter.notebook.events.on("output_updated.OutputArea", (_e, d) => {
      const html = String((d.output.data || {})["text/html"] || "");
      const plain = String((d.output.data || {})["text/plain"] || "");
      if (d.output_area === liveCell.output_area) {
        const m = html.match(/data-epoch="(\\d+)"/);
        seen.liveUpdates.push(m ? m[1] : Object.keys(d.output.data).includes("application/vnd.plotly.v1+json") ? "plotly" : "other");
      }
      if (d.output_area === fitCell.output_area && plain.includes("\u2501")) seen.progressUpdates++;
    });
  })()`);
    await page.click("#celllink");
    await page.click("#run_all_cells > a");
    await page.waitForFunction(
      `Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code").every((c) => typeof c.input_prompt_number === "number")`,
      undefined,
      { timeout: 480_000, polling: 500 },
    );
    const drawn = await waitForCount(() => drawnPlots(page), plotCount, 120_000);
    const seen = (await page.evaluate(
      `({ probe: [...window.__seen.probe], inserted: window.__seen.inserted, maxAtOnce: window.__seen.maxAtOnce, liveUpdates: window.__seen.liveUpdates, progressUpdates: window.__seen.progressUpdates })`,
    )) as {
      probe: string[];
      inserted: string[];
      maxAtOnce: number;
      liveUpdates: string[];
      progressUpdates: number;
    };
    const finalLive = await page.evaluate(`document.querySelectorAll(".tslab-ml-live").length`);
    const probeNow = await page.evaluate(
      `Array.from(document.querySelectorAll("svg text")).map((t) => t.textContent).filter((t) => /^probe /.test(t))`,
    );
    const errorOutputs = await page.evaluate(
      `Array.from(document.querySelectorAll(".output_error")).map((e) => e.textContent.slice(0, 500))`,
    );
    // what the cells show now: their outputs (Notebook 6 keeps the transient display ids) and DOM
    const shownNow = (await page.evaluate(`(() => {
    const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code");
    const cell = (f) => {
      const c = code.find((c) => f(c.get_text()));
      if (!c) return null;
      return {
        outputs: c.output_area.outputs.map((o) => ({
          type: o.output_type,
          id: (o.transient || {}).display_id || null,
          text: String(o.text || (o.data || {})["text/plain"] || ""),
        })),
        areas: Array.from(c.output_area.element[0].querySelectorAll(".output_area")).map((a) => a.innerText),
        tables: Array.from(c.output_area.element[0].querySelectorAll("table")).map((e) => e.innerText),
        pres: Array.from(c.output_area.element[0].querySelectorAll("pre")).map((e) => e.innerText),
      };
    };
    return {
      live: cell((t) => t.includes("new LivePlot()") && t.includes("slow")),
      fit: cell((t) => t.includes("kmodel.fit(")),
      summary: cell((t) => t.includes("kmodel.summary()")),
      model: cell((t) => t.trim() === "kmodel"),
      raw: cell((t) => t.includes("a raw tfjs model as the last expression")),
    };
  })()`)) as Record<
      "live" | "fit" | "summary" | "model" | "raw",
      {
        outputs: { type: string; id: string | null; text: string }[];
        areas: string[];
        tables: string[];
        pres: string[];
      } | null
    >;
    // Notebook 6 scrolls inside #site: a viewport as tall as the notebook shows every cell
    const height = (await page.evaluate(
      `document.getElementById("notebook").scrollHeight`,
    )) as number;
    await page.setViewportSize({ width: 1280, height: Math.min(height + 200, 30_000) });
    await new Promise((r) => setTimeout(r, 1500));
    await page.screenshot({ path: path.join(SHOTS, "plots-notebook.png"), fullPage: true });
    await page.close();
    const frameUpdates = seen.liveUpdates.filter((u) => /^\d+$/.test(u));
    t.diagnostic(
      `live view: ${seen.inserted.length} text/html frames inserted (epochs ${seen.inserted.join(",")}), ` +
        `at most ${seen.maxAtOnce} at once; update_display_data handled: ${seen.liveUpdates.join(",")}; ` +
        `progress view updates: ${seen.progressUpdates}; probe texts ${seen.probe.join(" / ")}`,
    );
    t.diagnostic(
      `fit cell outputs: ${(shownNow.fit?.outputs ?? []).map((o) => `${o.type}${o.id ? "#id" : ""} ${JSON.stringify(o.text.slice(0, 30))}`).join(" | ")}`,
    );
    assert.deepEqual(errorOutputs, []);
    assert.equal(drawn, plotCount);
    // Notebook 6 re-renders a text/html output on update_display_data: one new frame element
    // per update, replacing the previous one, at several epochs
    assert.ok(frameUpdates.length >= 3, `text/html updates at epochs ${frameUpdates.join(", ")}`);
    assert.equal(
      seen.inserted.length,
      frameUpdates.length + 1,
      "the first frame plus one re-rendered frame per update",
    );
    assert.deepEqual(seen.inserted.slice(1), frameUpdates, "each update drew its own epoch");
    assert.equal(seen.maxAtOnce, 1, "frames replace each other in place");
    assert.equal(seen.liveUpdates[seen.liveUpdates.length - 1], "plotly", "then the figure");
    assert.equal(
      shownNow.live?.outputs.filter((o) => o.type === "display_data").length,
      1,
      "the live view is one output",
    );
    assert.equal(finalLive, 0, "the live frames were replaced by the final figure");
    assert.deepEqual(probeNow, ["probe after"], "an image/svg+xml output is replaced on update");

    // the model summaries render: Keras-style (table) and raw tfjs (<pre>)
    for (const c of [shownNow.summary, shownNow.model]) {
      assert.ok(
        c?.tables.some((tb) => /dense \(Dense\)/.test(tb) && /dense_1 \(Dense\)/.test(tb)),
        `a summary table: ${JSON.stringify(c?.areas)}`,
      );
      assert.match(c?.areas.join("\n") ?? "", /Total params: 21/);
    }
    assert.match(shownNow.raw?.pres.join("\n") ?? "", /Layer \(type\)[\s\S]*Total params: 25/);

    // the progress view renders as one output updated in place, ending at Epoch 5/5
    const fit = shownNow.fit;
    const bars = (fit?.outputs ?? []).filter((o) => o.text.includes("━"));
    assert.equal(bars.length, 1, "one progress output");
    assert.equal(bars[0].type, "display_data");
    assert.ok(bars[0].id, "with a display id");
    assert.match(bars[0].text, /Epoch 5\/5[\s\S]*━/);
    assert.equal(
      (fit?.areas ?? []).filter((a) => a.includes("━")).length,
      1,
      "one progress element on the page",
    );
    assert.match((fit?.areas ?? []).join("\n"), /Epoch 5\/5[\s\S]*━+ .*loss: [\d.]+/);
    assert.ok(seen.progressUpdates >= 4, `${seen.progressUpdates} progress updates`);
    assert.deepEqual(
      (fit?.outputs ?? []).filter((o) => o.type === "stream" && /Epoch|━/.test(o.text)),
      [],
      "no progress as stream lines",
    );
    assert.deepEqual(errors, []);
  },
);
