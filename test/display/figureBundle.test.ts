/**
 * Figure bundles: MIME types, the plotly library inlined once per session, sizes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import {
  display,
  figureBundle,
  format,
  inlinePlotlyLibrary,
  resetPlotlySession,
} from "../../src/display";
import { Figure, historyFigure, line } from "../../src/plot";
import { fakeKernel } from "./fakeKernel";

const CARTESIAN_BYTES = fs.statSync(
  require.resolve("plotly.js-cartesian-dist-min/plotly-cartesian.min.js"),
).size;
const FULL_BYTES = fs.statSync(require.resolve("plotly.js-dist-min/plotly.min.js")).size;

test("a figure's bundle has plotly JSON, HTML drawing with window.Plotly, and one text line", () => {
  resetPlotlySession();
  const fig = line([{ y: [1, 2], name: "a" }], { title: "T" });
  const b = figureBundle(fig);
  assert.deepEqual(Object.keys(b).sort(), [
    "application/vnd.plotly.v1+json",
    "text/html",
    "text/plain",
  ]);
  assert.deepEqual(b["application/vnd.plotly.v1+json"], JSON.parse(JSON.stringify(fig)));
  assert.match(
    b["text/html"] as string,
    /<div id="tslab-ml-plot-[0-9a-f]{12}" class="tslab-ml-plot"/,
  );
  assert.match(
    b["text/html"] as string,
    /window\.Plotly\.newPlot\(el,fig\.data,fig\.layout,fig\.config\)/,
  );
  assert.equal(b["text/plain"], 'Figure "T": 1 trace: scatter "a" (2)');
  assert.deepEqual(
    format(fig)["application/vnd.plotly.v1+json"],
    b["application/vnd.plotly.v1+json"],
  );
});

test("formatting a figure is pure: no library inside, nothing used up, same bundle each time", () => {
  resetPlotlySession();
  const fig = line([1, 2]);
  const unId = (h: unknown) => String(h).replace(/tslab-ml-plot-[0-9a-f]{12}/g, "ID");
  const first = format(fig);
  const second = format(fig);
  assert.equal(unId(first["text/html"]), unId(second["text/html"]));
  assert.ok(String(first["text/html"]).startsWith("<!-- tslab-ml: plotly.js (cartesian) -->"));
  assert.ok(String(first["text/html"]).length < 5_000);
  const sent = inlinePlotlyLibrary(first)["text/html"] as string;
  assert.ok(sent.length > CARTESIAN_BYTES, "the first plot sent still carries the library");
  assert.doesNotMatch(sent, /<!-- tslab-ml: plotly/);
  const bundleWithout = { "text/plain": "x" };
  assert.equal(inlinePlotlyLibrary(bundleWithout), bundleWithout);
});

test("the cartesian library is inlined in the first displayed figure only, with define hidden", () => {
  resetPlotlySession();
  const k = fakeKernel();
  try {
    display(line([1, 2]));
    display(line([3, 4]));
  } finally {
    k.restore();
  }
  const [first, second] = k.sent.map((s) => s.bundle["text/html"] as string);
  assert.ok(first.length > CARTESIAN_BYTES && first.length < CARTESIAN_BYTES + 10_000);
  assert.match(first, /plotly\.js \(cartesian\), inlined by tslab-ml/);
  assert.match(
    first,
    /var hidden=window\.define;window\.define=undefined;try\{\(function\(define,module,exports\)\{/,
  );
  assert.match(first, /finally\{window\.define=hidden;\}/);
  assert.ok(second.length < 5_000, `second plot is ${second.length} characters`);
  assert.doesNotMatch(second, /inlined by tslab-ml/);
});

test("a trace outside the cartesian bundle brings the full library once, which then covers all", () => {
  resetPlotlySession();
  const sent = (fig: Figure) => inlinePlotlyLibrary(figureBundle(fig))["text/html"] as string;
  const cart = sent(line([1]));
  const full = sent(new Figure({ data: [{ type: "scatter3d", x: [1], y: [1], z: [[1]] }] }));
  const again = sent(new Figure({ data: [{ type: "scatter3d" }] }));
  const after = sent(line([1]));
  assert.ok(cart.length > CARTESIAN_BYTES);
  assert.ok(full.length > FULL_BYTES && /plotly\.js \(full\)/.test(full));
  assert.ok(again.length < 5_000 && after.length < 5_000);
});

test("a 100-epoch learning curve bundle (library already sent) is at most 50 KB", () => {
  resetPlotlySession();
  inlinePlotlyLibrary(figureBundle(line([1])));
  const loss = Array.from(
    { length: 100 },
    (_, i) => Math.exp(-i / 30) + Math.sin(i) * 0.01 + 1 / 3,
  );
  const h = {
    loss,
    val_loss: loss.map((v) => v * 1.07),
    accuracy: loss.map((v) => 1 - v / 2),
    val_accuracy: loss.map((v) => 1 - v / 1.9),
  };
  const b = inlinePlotlyLibrary(figureBundle(historyFigure(h)));
  const bytes = Buffer.byteLength(JSON.stringify(b));
  assert.ok(bytes <= 50_000, `bundle is ${bytes} bytes`);
});

test("text in a figure cannot close the script that embeds it", () => {
  resetPlotlySession();
  figureBundle(line([1]));
  const html = figureBundle(line([1], { title: "</script><script>alert(1)</script>" }))[
    "text/html"
  ] as string;
  assert.equal(html.match(/<\/script>/g)?.length, 1);
  assert.match(html, /\\u003c\/script>/);
});
