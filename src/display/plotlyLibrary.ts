/**
 * The plotly.js library, inlined once per kernel session.
 *
 * Behaviour: a figure's bundle (`figureBundle`) is pure: its `text/html` starts with a
 * placeholder comment naming the library it needs (`libraryPlaceholder(kind)`). When a bundle
 * is sent to the notebook, `inlinePlotlyLibrary(bundle)` replaces the placeholder with the
 * library the first time and removes it afterwards; the kernel calls it through the hook
 * `globalThis[Symbol.for("tslab-ml.prepareBundle")]`, which this module installs, for every
 * `display_data` and `execute_result`. So formatting a figure (to inspect it, or in tests)
 * uses nothing up; only showing it does. `claimPlotlyLibrary(kind)` returns a `<script>` that defines `window.Plotly` the
 * first time a figure of that kind is shown in this process (one kernel session), and `""`
 * afterwards: later plots wait for `window.Plotly` on the page. `"cartesian"` is the minified
 * partial bundle `plotly.js-cartesian-dist-min` (1.5 MB: scatter, bar, box, heatmap, histogram,
 * image, pie, violin…); `"full"` is `plotly.js-dist-min` (4.8 MB), sent only when a trace needs
 * it, and it also satisfies later cartesian figures. While the library runs, `window.define`
 * (require.js in Notebook 6) is hidden and `module` / `exports` are shadowed so that it
 * registers `window.Plotly` instead of an AMD or CommonJS module. No CDN: works offline.
 *
 * @example
 * claimPlotlyLibrary("cartesian").length > 1e6; // true, the first time
 * claimPlotlyLibrary("cartesian"); // ""
 */
import fs from "fs";
import type { MimeBundle } from "./mime";

/** Which plotly bundle a figure needs. */
export type PlotlyBundleKind = "cartesian" | "full";

/** The trace types inside `plotly.js-cartesian-dist-min`. */
export const CARTESIAN_TRACES: ReadonlySet<string> = new Set([
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
]);

const FILES: Record<PlotlyBundleKind, string> = {
  cartesian: "plotly.js-cartesian-dist-min/plotly-cartesian.min.js",
  full: "plotly.js-dist-min/plotly.min.js",
};

const STATE_KEY = Symbol.for("tslab-ml.plotly.sent");
type SentState = Record<PlotlyBundleKind, boolean>;

function sent(): SentState {
  const g = globalThis as unknown as Record<symbol, SentState | undefined>;
  return (g[STATE_KEY] ??= { cartesian: false, full: false });
}

const cache = new Map<PlotlyBundleKind, string>();

/** The `<script>` element that loads plotly.js of `kind` into `window.Plotly`. */
export function plotlyLibraryScript(kind: PlotlyBundleKind): string {
  let script = cache.get(kind);
  if (script === undefined) {
    const source = fs
      .readFileSync(require.resolve(FILES[kind]), "utf8")
      .replace(/<\/script/gi, "<\\/script");
    script =
      `<script type="text/javascript">/* plotly.js (${kind}), inlined by tslab-ml */\n` +
      `(function(){var hidden=window.define;window.define=undefined;try{` +
      `(function(define,module,exports){\n${source}\n}).call(window);` +
      `}finally{window.define=hidden;}})();\n</script>\n`;
    cache.set(kind, script);
  }
  return script;
}

/**
 * The bundle a figure with these trace types needs.
 *
 * @example
 * bundleKindFor(["scatter", "scatter3d"]); // "full"
 */
export function bundleKindFor(traceTypes: Iterable<string>): PlotlyBundleKind {
  for (const t of traceTypes) if (!CARTESIAN_TRACES.has(t)) return "full";
  return "cartesian";
}

/** The library script if this session has not sent one that covers `kind` yet, else "". */
export function claimPlotlyLibrary(kind: PlotlyBundleKind): string {
  const s = sent();
  if (s.full || (kind === "cartesian" && s.cartesian)) return "";
  s[kind] = true;
  return plotlyLibraryScript(kind);
}

/**
 * Forget what was sent, as a new kernel session would (tests use it).
 *
 * @example
 * resetPlotlySession();
 * claimPlotlyLibrary("cartesian") !== ""; // true
 */
export function resetPlotlySession(): void {
  const s = sent();
  s.cartesian = false;
  s.full = false;
}

const PLACEHOLDER = /<!-- tslab-ml: plotly\.js \((cartesian|full)\) -->/g;

/**
 * The marker at the start of a figure's `text/html` that says which library it needs.
 *
 * @example
 * libraryPlaceholder("cartesian"); // "<!-- tslab-ml: plotly.js (cartesian) -->"
 */
export function libraryPlaceholder(kind: PlotlyBundleKind): string {
  return `<!-- tslab-ml: plotly.js (${kind}) -->`;
}

/**
 * `bundle` as it is sent: each placeholder in its `text/html` becomes the library script when
 * this session has not sent that library yet, else nothing. A bundle without a placeholder is
 * returned unchanged (the same object).
 *
 * @example
 * inlinePlotlyLibrary(figureBundle(fig))["text/html"]; // "<script>…plotly.js…</script><div …"
 */
export function inlinePlotlyLibrary(bundle: MimeBundle): MimeBundle {
  const htmlPart = bundle["text/html"];
  if (typeof htmlPart !== "string" || !htmlPart.includes("<!-- tslab-ml: plotly.js")) {
    return bundle;
  }
  const inlined = htmlPart.replace(PLACEHOLDER, (_, kind: PlotlyBundleKind) =>
    claimPlotlyLibrary(kind),
  );
  return { ...bundle, "text/html": inlined };
}

(globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tslab-ml.prepareBundle")] =
  inlinePlotlyLibrary;
