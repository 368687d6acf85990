/**
 * Reporting errors that escape a cell: an exception thrown in a timer or
 * event callback, or a promise rejection nobody handles.
 *
 * Behaviour: the error is sent as an iopub `error` output whose parent is the
 * cell that started the failing code (found through `cellContext`), with a
 * first traceback line saying what happened and that the kernel keeps
 * running. When that cell has already finished, a frontend may no longer
 * show output for it, so a one-line note ("… from cell [3] after it
 * finished: Error: late …") also goes to stderr of the cell that is running
 * now, or else of the next cell that runs. An error raised outside every cell
 * goes to the running (or last) cell. Each error is also logged on the
 * kernel's stderr. At most `MAX_PER_CELL` errors are shown per cell (a
 * throwing `setInterval` does not flood the notebook); the rest are counted
 * in the log only.
 *
 * @example
 * const late = new LateErrorReporter({ running: () => tag, last: () => publish });
 * late.report("uncaughtException", new Error("late"));
 * late.takeNotes(); // notes for the next cell's stderr
 */
import type { Publisher } from "./bridge";
import { cellContext, type CellTag } from "./cellContext";
import { formatException } from "./errors";
import { kernelLog } from "./log";

/** The two process events that carry errors which escaped every caller. */
export type EscapedErrorKind = "uncaughtException" | "unhandledRejection";

/** Where the reporter finds the current cells. */
export interface CellsNow {
  /** The cell that is running, or null between cells. */
  running(): CellTag | null;
  /** The publisher of the running or last cell, or null before the first cell. */
  last(): Publisher | null;
}

export const MAX_PER_CELL = 10;
const MAX_NOTES = 20;

const WHAT: Record<EscapedErrorKind, string> = {
  uncaughtException: "Uncaught exception",
  unhandledRejection: "Unhandled promise rejection",
};

/** Sends escaped errors to the cell that caused them. */
export class LateErrorReporter {
  private notes: string[] = [];
  private droppedNotes = 0;
  private shown = new WeakMap<Publisher, number>();

  constructor(private readonly cells: CellsNow) {}

  /** Report one escaped error; never throws. */
  report(kind: EscapedErrorKind, reason: unknown): void {
    const origin = cellContext.getStore() ?? null;
    const running = this.cells.running();
    const err = formatException(reason);
    const where = origin
      ? `from cell [${origin.executionCount}] ${origin.finished ? "after it finished" : "while it ran"}`
      : "outside any cell";
    const headline = `${WHAT[kind]} ${where}; the kernel keeps running.`;
    const target = origin ? origin.publish : (running?.publish ?? this.cells.last());
    const count = target ? (this.shown.get(target) ?? 0) + 1 : 0;
    if (target) this.shown.set(target, count);
    if (count > MAX_PER_CELL) {
      kernelLog(`${headline} ${err.ename}: ${err.evalue} (not shown: more than ${MAX_PER_CELL})`);
      return;
    }
    kernelLog(`${headline} ${err.ename}: ${err.evalue}`);
    if (!target) return;
    const more = count === MAX_PER_CELL ? [`(further errors from here are not shown)`] : [];
    target("error", { ...err, traceback: [headline, ...err.traceback, ...more] });
    if (origin?.finished) {
      const note = `${WHAT[kind]} ${where}: ${err.ename}: ${err.evalue} (shown on that cell)\n`;
      if (running) running.publish("stream", { name: "stderr", text: note });
      else if (this.notes.length < MAX_NOTES) this.notes.push(note);
      else this.droppedNotes++;
    }
  }

  /** The notes waiting for the next cell (then forgotten). */
  takeNotes(): string[] {
    const notes = this.notes.splice(0);
    if (this.droppedNotes > 0) {
      notes.push(`(and ${this.droppedNotes} more errors from finished cells)\n`);
      this.droppedNotes = 0;
    }
    return notes;
  }
}
