/**
 * The notebook-weight rows of the benchmark, from the executed lessons in notebooks/_build/.
 *
 * Behaviour: per notebook, rows for its bytes, its largest output, how many times plotly.js is
 * inlined (target ≤ 1), the bytes of the output carrying the library (target ≤ 1.6 MB) and the
 * largest further plot output (target ≤ 50 KB; 1 MB = 10⁶ bytes, 1 KB = 10³). With no executed
 * notebooks, one row of nulls with a note (`npm run lessons` makes them).
 *
 * Run: imported by `bench/suite.ts`.
 *
 * @example
 * notebookRows((row) => console.log(row.row)); // "dogfood.ipynb: bytes", …
 */
import { makeRow, type Row } from "./rows";
import { notebookWeights } from "./notebookWeight";

/** Measures and emits the notebook rows. */
export function notebookRows(emit: (row: Row) => void): void {
  const weights = notebookWeights();
  if (weights.length === 0) {
    const note = "no executed lessons in notebooks/_build/ (run `npm run lessons` first)";
    emit(makeRow("executed lessons: bytes", "bytes", null, null, null, note));
    emit(
      makeRow(
        "executed lessons: plotly.js inlined",
        "count",
        null,
        null,
        { max: 1, of: "value" },
        note,
      ),
    );
    return;
  }
  for (const w of weights) {
    const name = w.notebook;
    emit(makeRow(`${name}: bytes`, "bytes", w.bytes, null));
    emit(makeRow(`${name}: largest output`, "bytes", w.largestOutputBytes, null));
    const leftNote =
      w.placeholdersLeft > 0 ? `${w.placeholdersLeft} placeholder(s) left uninlined` : undefined;
    emit(
      makeRow(
        `${name}: plotly.js inlined (times)`,
        "count",
        w.plotlyInlined,
        null,
        { max: 1, of: "value" },
        leftNote,
      ),
    );
    emit(
      makeRow(`${name}: output carrying plotly.js`, "bytes", w.libraryOutputBytes, null, {
        max: 1.6e6,
        of: "value",
      }),
    );
    emit(
      makeRow(
        `${name}: largest further plot (of ${w.plots} plots)`,
        "bytes",
        w.largestFurtherPlotBytes,
        null,
        { max: 50e3, of: "value" },
      ),
    );
  }
}
