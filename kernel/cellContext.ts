/**
 * Which cell started the code that is running now.
 *
 * Behaviour: the handler runs each cell inside `cellContext.run(tag, …)`.
 * Node's AsyncLocalStorage carries the tag into everything the cell starts —
 * timers, promise callbacks, event handlers — and keeps it there after the
 * cell has finished, so that an error raised in such a callback later can be
 * reported on the cell that caused it (see lateErrors.ts). `finished` turns
 * true when the cell's own work is over (just before its execute_reply).
 *
 * @example
 * const tag: CellTag = { executionCount: 3, publish, finished: false };
 * await cellContext.run(tag, () => runner.run(code));
 * setTimeout(() => cellContext.getStore()); // `tag`, inside callbacks of that cell
 */
import { AsyncLocalStorage } from "async_hooks";
import type { Publisher } from "./bridge";

/** One execution of a cell, as callbacks it started still see it. */
export interface CellTag {
  /** The cell's execution count (the n of "In [n]"). */
  readonly executionCount: number;
  /** Sends iopub messages whose parent is this cell's execute_request. */
  readonly publish: Publisher;
  /** The cell's own work is over; what it started may still run. */
  finished: boolean;
}

/** The cell whose code (or callbacks) is running; undefined outside every cell. */
export const cellContext = new AsyncLocalStorage<CellTag>();
