/**
 * Weight of the executed lesson notebooks in notebooks/_build/ (made by `npm run lessons`).
 *
 * Behaviour: for each `*.ipynb` there: its size in bytes, the size of its largest output (the
 * output's JSON as stored), how many times plotly.js is inlined, the size of the output that
 * carries the library, and the largest further plot output (a plotly figure without the
 * library). The inlined library is found by the comment that starts it,
 * `/* plotly.js (cartesian|full), inlined by tslab-ml *\/`; the figure placeholder
 * `<!-- tslab-ml: plotly.js (…) -->`, which the kernel replaces by that script (or by nothing
 * once sent), is counted too: one left in a stored notebook means a bundle that skipped the
 * kernel's inlining. Returns [] when the folder has no notebooks.
 *
 * Run: imported by `bench/run.ts`.
 *
 * @example
 * notebookWeights()[0]; // { notebook: "dogfood.ipynb", bytes: 2126839, plotlyInlined: 1, … }
 */
import fs from "fs";
import path from "path";
import { packageRoot } from "../kernel/paths";

const LIBRARY = /\/\* plotly\.js \((?:cartesian|full)\), inlined by tslab-ml \*\//g;
const PLACEHOLDER = /<!-- tslab-ml: plotly\.js/g;
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** One executed notebook's weight. */
export interface NotebookWeight {
  notebook: string;
  bytes: number;
  largestOutputBytes: number;
  plotlyInlined: number;
  placeholdersLeft: number;
  /** Bytes of the output(s) that carry the library (null when it is not inlined). */
  libraryOutputBytes: number | null;
  /** Bytes of the largest plot output without the library (null when there is none). */
  largestFurtherPlotBytes: number | null;
  plots: number;
}

interface Output {
  data?: Record<string, unknown>;
}

const text = (v: unknown) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** The folder of executed lessons. */
export function buildDir(): string {
  return path.join(packageRoot(), "notebooks", "_build");
}

function weigh(file: string): NotebookWeight {
  const raw = fs.readFileSync(file, "utf8");
  const nb = JSON.parse(raw) as { cells: Array<{ outputs?: Output[] }> };
  const w: NotebookWeight = {
    notebook: path.basename(file),
    bytes: Buffer.byteLength(raw),
    largestOutputBytes: 0,
    plotlyInlined: 0,
    placeholdersLeft: 0,
    libraryOutputBytes: null,
    largestFurtherPlotBytes: null,
    plots: 0,
  };
  for (const out of nb.cells.flatMap((c) => c.outputs ?? [])) {
    const bytes = Buffer.byteLength(JSON.stringify(out));
    w.largestOutputBytes = Math.max(w.largestOutputBytes, bytes);
    const html = text(out.data?.["text/html"]);
    const libraries = count(html, LIBRARY);
    w.plotlyInlined += libraries;
    w.placeholdersLeft += count(html, PLACEHOLDER);
    if (libraries > 0) w.libraryOutputBytes = (w.libraryOutputBytes ?? 0) + bytes;
    if (out.data?.[PLOTLY_MIME] !== undefined) {
      w.plots += 1;
      if (libraries === 0) {
        w.largestFurtherPlotBytes = Math.max(w.largestFurtherPlotBytes ?? 0, bytes);
      }
    }
  }
  return w;
}

/** Weights of every executed notebook in notebooks/_build/, by name. */
export function notebookWeights(dir = buildDir()): NotebookWeight[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => weigh(path.join(dir, f)));
}
