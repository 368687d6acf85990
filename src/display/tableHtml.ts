/**
 * HTML and text tables for DataFrames and Series, shaped like pandas' output.
 *
 * Behaviour: a header row with the column names, one row per shown row led by its index label
 * in a `<th>`, and cells formatted per dtype (`formatColumn`). Past 60 rows only the first
 * and last 10 are shown with a "…" row between, past 20 columns the first and last 10; a
 * truncated table ends with "N rows × M columns". The text form right-aligns the columns
 * and ends with "[N rows x M columns]" when truncated, as pandas does.
 *
 * @example
 * tableHtml({ columns: ["a"], dtypes: ["int32"], index: [0], rows: [[1]] }).includes("<td>1</td>"); // true
 */
import { formatColumn, shownPositions } from "./columnFormat";

/** What the table needs from a DataFrame. */
export interface TableSource {
  columns: string[];
  dtypes: string[];
  index: unknown[];
  rows: unknown[][];
}

/** Table limits (pandas' `max_rows` / `max_columns`). */
export const MAX_ROWS = 60;
export const KEEP_ROWS = 10;
export const MAX_COLUMNS = 20;
export const KEEP_COLUMNS = 10;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The shown part of a table as texts; `null` marks the "…" row / column. */
export function shownCells(t: TableSource): {
  header: (string | null)[];
  rows: { label: string | null; cells: (string | null)[] }[];
  truncated: boolean;
} {
  const r = shownPositions(t.rows.length, MAX_ROWS, KEEP_ROWS);
  const c = shownPositions(t.columns.length, MAX_COLUMNS, KEEP_COLUMNS);
  const rowPos = [...r.head, ...r.tail];
  const colPos = [...c.head, ...c.tail];
  const texts = colPos.map((j) =>
    formatColumn(
      rowPos.map((i) => t.rows[i][j]),
      t.dtypes[j] ?? "",
    ),
  );
  const withGap = <T>(head: T[], tail: T[]): (T | null)[] =>
    tail.length ? [...head, null, ...tail] : head;
  const header = withGap(
    c.head.map((j) => String(t.columns[j])),
    c.tail.map((j) => String(t.columns[j])),
  );
  const line = (k: number) => {
    const cells = texts.map((col) => col[k]);
    return withGap(cells.slice(0, c.head.length), cells.slice(c.head.length));
  };
  const rows = rowPos.map((i, k) => ({ label: String(t.index[i] ?? i), cells: line(k) }));
  const gapRow = { label: null, cells: header.map(() => null) };
  const allRows = r.tail.length
    ? [...rows.slice(0, r.head.length), gapRow, ...rows.slice(r.head.length)]
    : rows;
  return { header, rows: allRows, truncated: r.tail.length > 0 || c.tail.length > 0 };
}

const STYLE =
  "<style scoped>.dataframe tbody tr th:only-of-type{vertical-align:middle}" +
  ".dataframe tbody tr th{vertical-align:top}.dataframe thead th{text-align:right}</style>";

/** The HTML table (see the module doc); `footer` replaces the size line. */
export function tableHtml(t: TableSource, footer?: string): string {
  const s = shownCells(t);
  const cell = (tag: string, v: string | null) => `<${tag}>${v === null ? "…" : esc(v)}</${tag}>`;
  const head = `<thead><tr style="text-align: right;"><th></th>${s.header.map((h) => cell("th", h)).join("")}</tr></thead>`;
  const body = s.rows
    .map((r) => `<tr>${cell("th", r.label)}${r.cells.map((v) => cell("td", v)).join("")}</tr>`)
    .join("");
  const size = s.truncated ? `<p>${t.rows.length} rows × ${t.columns.length} columns</p>` : "";
  return `<div>${STYLE}<table border="1" class="dataframe">${head}<tbody>${body}</tbody></table>${footer ?? size}</div>`;
}

/** The plain-text table (see the module doc). */
export function tableText(t: TableSource, footer?: string): string {
  const s = shownCells(t);
  const grid = [["", ...s.header], ...s.rows.map((r) => [r.label, ...r.cells])].map((row) =>
    row.map((v) => (v === null ? "..." : v)),
  );
  const widths = grid[0].map((_, j) => Math.max(...grid.map((row) => row[j].length)));
  const lines = grid.map((row) =>
    row
      .map((v, j) => (j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j])))
      .join("  ")
      .trimEnd(),
  );
  const size = s.truncated ? `\n\n[${t.rows.length} rows x ${t.columns.length} columns]` : "";
  return lines.join("\n") + (footer !== undefined ? `\n${footer}` : size);
}
