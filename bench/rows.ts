/**
 * One row of the side-by-side benchmark, and how rows are printed.
 *
 * Behaviour: a row holds ours, theirs (PyTorch, or null), `ours ÷ theirs`, its unit, which
 * direction is better, an optional target with its verdict, and the 1-minute load average when
 * it was measured. `emitRow` writes it as one JSON line on stdout; `formatTable` renders all rows
 * as the readable table printed on stderr (also pasted into bench/RESULTS.md).
 *
 * Run: imported by `bench/run.ts`.
 *
 * @example
 * emitRow(makeRow("MLP batch 128", "s/epoch", 0.9, 0.6, { max: 2, of: "ratio" }));
 * // stdout: {"kind":"row","row":"MLP batch 128","unit":"s/epoch","ours":0.9,"theirs":0.6,"ratio":1.5,…}
 */
import { load1, ratio } from "./stats";

/** A target: `value` (or `ratio`) must be at most `max` (below it, when `strict`). */
export interface Target {
  max: number;
  of: "value" | "ratio";
  strict?: boolean;
}

/** One benchmark row. */
export interface Row {
  row: string;
  unit: string;
  ours: number | null;
  theirs: number | null;
  /** ours ÷ theirs. For rates (GFLOP/s) below 1 means slower; for times above 1 means slower. */
  ratio: number | null;
  better: "lower" | "higher";
  target: string | null;
  /** true/false against the target; null when there is no target or no number. */
  pass: boolean | null;
  load1: number;
  note?: string;
  /** Extra data of the row (e.g. a per-op profile). */
  detail?: unknown;
}

/** Builds a row; the verdict is computed from `target`. */
export function makeRow(
  row: string,
  unit: string,
  ours: number | null,
  theirs: number | null,
  target: Target | null = null,
  note?: string,
): Row {
  const r = ratio(ours, theirs);
  const checked = target === null ? null : target.of === "ratio" ? r : ours;
  const pass =
    target === null || checked === null
      ? null
      : target.strict === true
        ? checked < target.max
        : checked <= target.max;
  const op = target?.strict === true ? "<" : "≤";
  const targetText =
    target === null ? null : `${target.of === "ratio" ? "ratio" : unit} ${op} ${target.max}`;
  const better = unit.includes("/s") ? "higher" : "lower";
  const out: Row = {
    row,
    unit,
    ours,
    theirs,
    ratio: r,
    better,
    target: targetText,
    pass,
    load1: load1(),
  };
  if (note !== undefined) out.note = note;
  return out;
}

/** Writes the row as one JSON line on stdout, marked `"kind": "row"`. */
export function emitRow(row: Row): void {
  process.stdout.write(JSON.stringify({ kind: "row", ...row }) + "\n");
}

const show = (v: number | null) => (v === null ? "null" : String(v));
const verdict = (p: boolean | null) => (p === null ? "" : p ? "ok" : "MISS");

/** The rows as a Markdown table (readable as plain text too). */
export function formatTable(rows: Row[]): string {
  const head = ["row", "unit", "ours", "PyTorch", "ratio", "target", "", "load1"];
  const body = rows.map((r) => [
    r.row,
    r.unit,
    show(r.ours),
    show(r.theirs),
    show(r.ratio),
    r.target ?? "",
    verdict(r.pass),
    String(r.load1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  const rule = "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|";
  return [line(head), rule, ...body.map(line)].join("\n");
}
