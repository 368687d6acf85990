/**
 * Runs one cell through tslab's executor and reports what happened as data.
 *
 * Behaviour: tslab's `createExecutor` prints errors with `console.error` and
 * the last expression with `console.log` on the console object it is given.
 * We give it a recording console, so that a cell's outcome is structured:
 * `{ok: true, value?}` or `{ok: false, error: {ename, evalue, traceback}}`.
 * TypeScript diagnostics become one error listing each diagnostic with its
 * line, column and the source line with a caret. After a cell, promises that
 * helpers registered on `globalThis[Symbol.for("tslab-ml.pending")]` (such as
 * the compute backend finishing its start-up) are awaited as part of the cell. Then what the
 * cell replaced is released (models and tensors no name reaches any more).
 *
 * @example
 * const runner = new CellRunner(rootDir, converters);
 * await runner.run("1 + 1"); // {ok: true, hasValue: true, value: 2}
 */
import { createExecutor, type ConverterSet, type Executor } from "tslab/dist/executor";
import { formatDiagnostics, formatException, type CellDiagnostic, type CellError } from "./errors";
import { bindingsBefore, releaseAfter } from "./releaseReplaced";

/** What running one cell produced. */
export type CellOutcome =
  { ok: true; hasValue: boolean; value?: unknown } | { ok: false; error: CellError };

const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";
const PENDING = Symbol.for("tslab-ml.pending");

/** A tslab executor with structured results. */
export class CellRunner {
  /** tslab's executor (completion and inspection use it directly). */
  readonly executor: Executor;
  private diagnostics: CellDiagnostic[] = [];
  private thrown: unknown[] = [];
  private value: { v: unknown } | null = null;
  private interruptReject: ((e: Error) => void) | null = null;

  constructor(rootDir: string, converters: ConverterSet) {
    this.executor = createExecutor(rootDir, converters, {
      log: (v: unknown) => {
        this.value = { v };
      },
      error: (...args: unknown[]) => {
        if (args[0] === DIAGNOSTIC_FORMAT && args.length === 5) {
          const [, file, line, column, message] = args as [string, string, number, number, string];
          this.diagnostics.push({ file: file.trim(), line, column, message });
        } else {
          this.thrown.push(args[0]);
        }
      },
    });
  }

  /**
   * Compile and run `code`; never throws. Afterwards, models and tensors that only the values
   * the cell replaced held are freed (see ./releaseReplaced).
   */
  async run(code: string): Promise<CellOutcome> {
    const before = bindingsBefore();
    try {
      return await this.runCell(code);
    } finally {
      releaseAfter(before);
    }
  }

  private async runCell(code: string): Promise<CellOutcome> {
    this.diagnostics = [];
    this.thrown = [];
    this.value = null;
    let ok: boolean;
    try {
      ok = await this.executor.execute(code);
    } catch (e) {
      return { ok: false, error: formatException(e) };
    }
    if (this.diagnostics.length > 0) {
      return { ok: false, error: formatDiagnostics(this.diagnostics, code) };
    }
    if (!ok || this.thrown.length > 0) {
      return { ok: false, error: formatException(this.thrown[0]) };
    }
    const pendingError = await this.awaitPending();
    if (pendingError) return { ok: false, error: pendingError };
    const last = this.value as { v: unknown } | null;
    return last ? { ok: true, hasValue: true, value: last.v } : { ok: true, hasValue: false };
  }

  /** Stop the running cell: asynchronous work is abandoned with an "Interrupted" error. */
  interrupt(): void {
    this.executor.interrupt();
    this.interruptReject?.(new Error("Interrupted asynchronously"));
  }

  /** Type information at `cursor` (Jupyter inspect). */
  inspect(code: string, cursor: number): ReturnType<Executor["inspect"]> {
    return this.executor.inspect(code, cursor);
  }

  /** Completion candidates at `cursor` (Jupyter complete). */
  complete(code: string, cursor: number): ReturnType<Executor["complete"]> {
    return this.executor.complete(code, cursor);
  }

  /** Release the compiler's watchers. */
  close(): void {
    this.executor.close();
  }

  private async awaitPending(): Promise<CellError | null> {
    const g = globalThis as unknown as Record<symbol, Promise<unknown>[] | undefined>;
    const interrupted = new Promise<never>((_, reject) => {
      this.interruptReject = reject;
    });
    try {
      for (;;) {
        const list = g[PENDING];
        if (!list || list.length === 0) return null;
        const batch = list.splice(0, list.length);
        await Promise.race([Promise.all(batch), interrupted]);
      }
    } catch (e) {
      return formatException(e);
    } finally {
      this.interruptReject = null;
    }
  }
}
