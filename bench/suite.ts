/**
 * The side-by-side benchmark's sections, run in order: compute rows (matMul, training, predict;
 * ours beside PyTorch), kernel rows, notebook-weight rows.
 *
 * Behaviour: first writes a `{"kind":"meta",…}` line (date, backend, versions, cores, load), then
 * one `{"kind":"row",…}` line per row as it is measured, then a `{"kind":"summary",…}` line with
 * the total time and the load before and after; the backend line, progress and the final table
 * go to stderr. A section that throws becomes a row of nulls with the error as its note, so the
 * run always completes. `sections` selects which ones run (all by default).
 *
 * Run: through bench/run.ts (`npm run bench`), which sets TSLAB_ML_QUIET before this loads.
 *
 * @example
 * await runSuite(["notebooks"]); // only the notebook rows
 */
import os from "os";
import { ready } from "../src/backend";
import { formatBackendInfo } from "../src/backend/info";
import { kernelRows } from "./kernelRows";
import { notebookRows } from "./notebookRows";
import { emitRow, formatTable, makeRow, type Row } from "./rows";
import { load1, round } from "./stats";
import {
  torchAvailable,
  torchBlas,
  torchBlasWarning,
  torchProblem,
  torchVersion,
} from "./torchSide";
import { trainingRows } from "./trainingRows";

export const SECTIONS = ["training", "kernel", "notebooks"] as const;
export type Section = (typeof SECTIONS)[number];

const RUNNERS: Record<Section, (emit: (row: Row) => void) => void | Promise<void>> = {
  training: trainingRows,
  kernel: kernelRows,
  notebooks: notebookRows,
};

const line = (o: object) => process.stdout.write(JSON.stringify(o) + "\n");

/** Runs `sections`, printing JSON lines on stdout and the table on stderr. */
export async function runSuite(sections: readonly Section[] = SECTIONS): Promise<void> {
  const started = performance.now();
  const loadStart = load1();
  const info = await ready();
  const backendLine = formatBackendInfo(info);
  console.error(backendLine);
  const torchPython = torchAvailable();
  line({
    kind: "meta",
    date: new Date().toISOString(),
    backend: info.name,
    backendLine,
    tfjsVersion: info.tfjsVersion,
    simd: info.simd ?? null,
    threads: info.threads ?? null,
    pytorch: torchPython === null ? null : { python: torchPython, threads: 1 },
    pytorchProblem: torchProblem(),
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? null,
    node: process.version,
    load1: loadStart,
  });
  const rows: Row[] = [];
  const emit = (row: Row) => {
    rows.push(row);
    emitRow(row);
    console.error(`  ${row.row}: ours ${row.ours}, PyTorch ${row.theirs}, ratio ${row.ratio}`);
  };
  for (const section of sections) {
    console.error(`bench: ${section}…`);
    try {
      await RUNNERS[section](emit);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      emit(makeRow(`${section}: failed`, "", null, null, null, message));
    }
  }
  const totalSeconds = round((performance.now() - started) / 1000, 1);
  line({
    kind: "summary",
    totalSeconds,
    pytorch: torchVersion(),
    pytorchBlas: torchBlas(),
    pytorchBlasWarning: torchBlasWarning(),
    load1Start: loadStart,
    load1End: load1(),
  });
  console.error("\n" + formatTable(rows));
  const warning = torchBlasWarning();
  if (warning !== null) console.error(`\nbench: warning: ${warning}`);
  console.error(`\n${rows.length} rows in ${totalSeconds} s; load ${loadStart} → ${load1()}`);
}
