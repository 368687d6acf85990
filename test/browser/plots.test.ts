/**
 * Real-browser rendering of notebooks/_test/plots.ipynb (every figure type, tables, tensors,
 * the live training view):
 * 1. executed through the kernel with nbclient: rich outputs present, plotly inlined once;
 * 2. exported with nbconvert to HTML and opened offline in Debian's headless Chromium: every
 *    plot drew its SVG, no page error (screenshot: notebooks/_build/plots-export.png);
 * 3. opened in a running Jupyter Notebook server and Run All through the UI: every plot drew
 *    and the live view was redrawn in place at several epochs before becoming the final
 *    figure (screenshot: notebooks/_build/plots-notebook.png).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { runNotebooks } from "../../kernel/lessons";
import { packageRoot } from "../../kernel/paths";
import { tempDir, tempJupyterPath, testPython } from "../helpers";
import { drawnPlots, launchChromium, offlinePage, waitForCount } from "./chromium";
import { startNotebookServer, stopNotebookServer, type NotebookServer } from "./notebookServer";

const NOTEBOOK = path.join(packageRoot(), "notebooks", "_test", "plots.ipynb");
const SHOTS = path.join(packageRoot(), "notebooks", "_build");

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
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
  () => {
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
    // record every live frame and probe text that appears while the cells run
    await page.evaluate(`(() => {
    window.__seen = { epochs: new Set(), probe: new Set() };
    const scan = () => {
      document.querySelectorAll(".tslab-ml-live").forEach((e) => window.__seen.epochs.add(e.dataset.epoch));
      document.querySelectorAll("svg text").forEach((t) => { if (/^probe /.test(t.textContent)) window.__seen.probe.add(t.textContent); });
    };
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
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
      `({ epochs: [...window.__seen.epochs], probe: [...window.__seen.probe] })`,
    )) as {
      epochs: string[];
      probe: string[];
    };
    const finalLive = await page.evaluate(`document.querySelectorAll(".tslab-ml-live").length`);
    const probeNow = await page.evaluate(
      `Array.from(document.querySelectorAll("svg text")).map((t) => t.textContent).filter((t) => /^probe /.test(t))`,
    );
    const errorOutputs = await page.evaluate(
      `Array.from(document.querySelectorAll(".output_error")).map((e) => e.textContent.slice(0, 500))`,
    );
    // Notebook 6 scrolls inside #site: a viewport as tall as the notebook shows every cell
    const height = (await page.evaluate(
      `document.getElementById("notebook").scrollHeight`,
    )) as number;
    await page.setViewportSize({ width: 1280, height: Math.min(height + 200, 30_000) });
    await new Promise((r) => setTimeout(r, 1500));
    await page.screenshot({ path: path.join(SHOTS, "plots-notebook.png"), fullPage: true });
    await page.close();
    t.diagnostic(
      `live frames seen at epochs ${seen.epochs.join(",")}; probe texts ${seen.probe.join(" / ")}`,
    );
    assert.deepEqual(errorOutputs, []);
    assert.equal(drawn, plotCount);
    assert.ok(seen.epochs.length >= 3, `live frames seen for epochs ${seen.epochs.join(", ")}`);
    assert.equal(finalLive, 0, "the live frames were replaced by the final figure");
    assert.deepEqual(probeNow, ["probe after"], "an image/svg+xml output is replaced on update");
    assert.deepEqual(errors, []);
  },
);
