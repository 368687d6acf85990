/**
 * The Jupyter request handler: tslab's `JupyterHandlerImpl` with the protocol
 * fixed where tslab falls short.
 *
 * Behaviour:
 * - kernel_info has `status: "ok"`, `implementation` and a true
 *   `language_info` (the TypeScript version tslab compiles with).
 * - execute publishes `execute_input`, streams, `display_data`, the last
 *   expression as `execute_result` (rich when the value has
 *   `[Symbol.for("Jupyter.display")]()`), and an iopub `error` plus an
 *   `execute_reply` with `ename/evalue/traceback` when the cell fails.
 * - After a failed cell with `stop_on_error`, only the requests that had
 *   already arrived are aborted (tslab aborted everything for 200 ms).
 * - is_complete also answers "invalid" for code that cannot parse.
 * - Each cell runs inside `cellContext` (cellContext.ts), so that an error
 *   its timers or promises raise later is reported on that cell; notes
 *   about such errors from finished cells open the next cell's output
 *   (lateErrors.ts, through `lateErrors`).
 * Completion and inspection are tslab's (type-aware).
 */
import { JupyterHandlerImpl } from "tslab/dist/jupyter";
import { isCompleteCode } from "tslab/dist/converter";
import { versions } from "tslab";
import type { CellRunner } from "./cellRunner";
import { formatException, type CellError } from "./errors";
import { toMimeBundle } from "./mimeBundle";
import { requestCooperativeInterrupt } from "./cooperativeInterrupt";
import type { Publisher } from "./bridge";
import { packageVersion } from "./paths";
import { parseDiagnostics } from "./syntax";
import { cellContext, type CellTag } from "./cellContext";
import { LateErrorReporter } from "./lateErrors";

/** The fields of an execute_request we use. */
export interface ExecuteRequest {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
  user_expressions?: Record<string, string>;
}

type ExecuteReply = Record<string, unknown> & { status: string; execution_count: number };

/** tslab's handler with conformant replies. */
export class MlKernelHandler extends JupyterHandlerImpl {
  private count = 0;
  private arrived = 0;
  private abortUpTo = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private publisher: Publisher | null = null;
  private shownInCell = new WeakSet<object>();
  private running: CellTag | null = null;
  /** Reports errors that escaped a cell (main.ts feeds it from the process events). */
  readonly lateErrors: LateErrorReporter;

  constructor(private readonly runner: CellRunner) {
    super(runner.executor, false);
    this.lateErrors = new LateErrorReporter({
      running: () => this.running,
      last: () => this.publisher,
    });
  }

  /** The iopub publisher of the running (or last) cell. */
  currentPublisher(): Publisher | null {
    return this.publisher;
  }

  /** The running cell's output already shows `value` (see bridge.ts, `resultOf`). */
  markShown(value: object): void {
    this.shownInCell.add(value);
  }

  override handleKernel(): ReturnType<JupyterHandlerImpl["handleKernel"]> & { status: "ok" } {
    return {
      status: "ok",
      protocol_version: "5.3",
      implementation: "tslab-ml",
      implementation_version: packageVersion(),
      language_info: {
        name: "typescript",
        version: versions.typescript,
        mimetype: "text/typescript",
        file_extension: ".ts",
        pygments_lexer: "typescript",
        nbconvert_exporter: "script",
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
      },
      banner: `TypeScript ML (tslab-ml ${packageVersion()}, tslab ${versions.tslab}, TypeScript ${versions.typescript}, Node.js ${process.version})`,
    };
  }

  /** Queue and run one execute_request; resolves with the execute_reply content. */
  execute(req: ExecuteRequest, publish: Publisher): Promise<ExecuteReply> {
    const seq = ++this.arrived;
    const task = this.queue.then(() => this.executeNow(seq, req, publish));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async executeNow(
    seq: number,
    req: ExecuteRequest,
    publish: Publisher,
  ): Promise<ExecuteReply> {
    if (seq <= this.abortUpTo) {
      return { status: "aborted", execution_count: this.count };
    }
    const silent = req.silent === true;
    if (!silent && req.store_history !== false) this.count++;
    const count = this.count;
    this.publisher = publish;
    this.shownInCell = new WeakSet<object>();
    process.stdout.write = this.createWriteToIopub("stdout", (name, text) =>
      publish("stream", { name, text }),
    ) as typeof process.stdout.write;
    process.stderr.write = this.createWriteToIopub("stderr", (name, text) =>
      publish("stream", { name, text }),
    ) as typeof process.stderr.write;
    if (!silent) {
      publish("execute_input", { code: req.code, execution_count: count });
      for (const text of this.lateErrors.takeNotes()) publish("stream", { name: "stderr", text });
    }

    const tag: CellTag = { executionCount: count, publish, finished: false };
    this.running = tag;
    let error: CellError | null;
    try {
      error = await cellContext.run(tag, () => this.runAndShow(req.code, count, silent, publish));
    } finally {
      tag.finished = true;
      this.running = null;
    }
    if (error) {
      publish("error", { ...error });
      if (req.stop_on_error !== false) this.abortUpTo = this.arrived;
      return { status: "error", execution_count: count, ...error };
    }
    return { status: "ok", execution_count: count, user_expressions: {}, payload: [] };
  }

  /** Run the cell and publish its result; resolves with its error, if any. */
  private async runAndShow(
    code: string,
    count: number,
    silent: boolean,
    publish: Publisher,
  ): Promise<CellError | null> {
    const outcome = await this.runner.run(code);
    let error: CellError | null = outcome.ok ? null : outcome.error;
    const alreadyShown =
      outcome.ok &&
      outcome.hasValue &&
      outcome.value !== null &&
      (typeof outcome.value === "object" || typeof outcome.value === "function") &&
      this.shownInCell.has(outcome.value as object);
    if (outcome.ok && outcome.hasValue && !silent && !alreadyShown) {
      try {
        const data = await toMimeBundle(outcome.value);
        publish("execute_result", { execution_count: count, data, metadata: {} });
      } catch (e) {
        error = formatException(e);
      }
    }
    return error;
  }

  override handleIsComplete(req: {
    code: string;
  }): ReturnType<JupyterHandlerImpl["handleIsComplete"]> {
    const res = isCompleteCode(req.code);
    if (!res.completed) return { status: "incomplete", indent: res.indent ?? "" };
    return parseDiagnostics(req.code) > 0 ? { status: "invalid" } : { status: "complete" };
  }

  override handleShutdown(req: { restart: boolean }): { status: "ok"; restart: boolean } {
    return { status: "ok", restart: !!req.restart };
  }

  /**
   * Stop the running cell (SIGINT or interrupt_request). A cooperative loop
   * such as `fit` stops at the end of its batch and its cell goes on;
   * anything else is interrupted at once.
   */
  interrupt(): void {
    requestCooperativeInterrupt(() => this.runner.interrupt());
  }
}
