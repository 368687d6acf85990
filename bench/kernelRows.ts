/**
 * The kernel rows of the benchmark: start-up to the first result of `import * as ml from
 * "tslab-ml"`, and the median latency of a trivial cell, through jupyter_client.
 *
 * Behaviour: three kernel starts (bench/kernelLatency.ts), medians. No PyTorch counterpart, so
 * `theirs` is null. Targets: ready with the helpers imported < 2.5 s; `1 + 1` ≤ 60 ms median, and the same for
 * a new small cell each time (which the compiler cannot answer from its last program).
 * On failure the rows are null with the error as their note.
 *
 * Run: imported by `bench/suite.ts`.
 *
 * @example
 * kernelRows((row) => console.log(row.row, row.ours)); // "kernel start → import tslab-ml" 2.1
 */
import { measureKernel } from "./kernelLatency";
import { makeRow, type Row } from "./rows";

const TRIVIAL_RUNS = 20;
const STARTS = 3;

/** Measures and emits the kernel rows. */
export function kernelRows(emit: (row: Row) => void): void {
  const k = measureKernel(TRIVIAL_RUNS, STARTS);
  const all = k.importSecondsAll?.join(", ");
  const note = k.error ?? (all === undefined ? undefined : `median of ${STARTS} starts: ${all} s`);
  emit(
    makeRow(
      `kernel start → kernel_info reply, median of ${STARTS}`,
      "s",
      k.readySeconds ?? null,
      null,
      null,
      k.error,
    ),
  );
  emit(
    makeRow(
      `kernel start → first result of import * as ml from "tslab-ml", median of ${STARTS}`,
      "s",
      k.importSeconds ?? null,
      null,
      { max: 2.5, of: "value", strict: true },
      note,
    ),
  );
  emit(
    makeRow(
      `trivial cell 1 + 1, median of ${TRIVIAL_RUNS}`,
      "ms",
      k.trivialMedianMs ?? null,
      null,
      { max: 60, of: "value" },
      k.error,
    ),
  );
  emit(
    makeRow(
      `a new small cell each time (const vN = N + 1), after the import, median of ${TRIVIAL_RUNS}`,
      "ms",
      k.newCellMedianMs ?? null,
      null,
      { max: 60, of: "value" },
      k.error,
    ),
  );
}
