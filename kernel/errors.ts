/**
 * Turning what a cell threw, or what the compiler reported, into Jupyter's
 * `{ename, evalue, traceback}`.
 *
 * Behaviour: an Error keeps its name and message; the traceback is its stack
 * without the kernel's own frames (node internals, tslab, this kernel). A
 * thrown non-Error is shown with util.inspect. An interrupt becomes ename
 * "KeyboardInterrupt" as in Python. TypeScript diagnostics become ename
 * "TypeScriptError" with one traceback entry per diagnostic: "line L, column
 * C: message", the source line and a caret under the column.
 *
 * @example
 * formatException(new RangeError("bad")).ename; // "RangeError"
 */
import util from "util";

/** Jupyter's description of an error. */
export interface CellError {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** One TypeScript diagnostic as tslab reports it (1-based line and column). */
export interface CellDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

const INTERNAL_FRAME =
  /node:internal|node:vm|sigintHandlersWrap|[\\/]node_modules[\\/]tslab[\\/]|[\\/]dist[\\/]kernel[\\/]/;
const INTERRUPT_MESSAGES = new Set([
  "Interrupted asynchronously",
  "Script execution was interrupted by `SIGINT`",
]);

/** Describe a thrown value. */
export function formatException(e: unknown): CellError {
  if (e instanceof Error || (e && typeof e === "object" && "message" in e && "stack" in e)) {
    const err = e as Error;
    const message = String(err.message ?? "");
    if (INTERRUPT_MESSAGES.has(message)) {
      return {
        ename: "KeyboardInterrupt",
        evalue: "the cell was interrupted",
        traceback: ["KeyboardInterrupt: the cell was interrupted"],
      };
    }
    const ename = err.name || err.constructor?.name || "Error";
    const lines = String(err.stack ?? `${ename}: ${message}`)
      .replace(/evalmachine\.<anonymous>/g, "<cell>")
      .split("\n");
    // Node prefixes some stacks with "file:line / source / ^" lines: start at the "Name: message" line.
    const head = lines.findIndex((l) => l.startsWith(`${ename}:`) || l === ename);
    const frames = lines
      .slice(Math.max(0, head))
      .filter((l) => !/^\s+at /.test(l) || !INTERNAL_FRAME.test(l));
    return { ename, evalue: message, traceback: frames.length ? frames : [`${ename}: ${message}`] };
  }
  const shown = typeof e === "string" ? e : util.inspect(e);
  return { ename: "Error", evalue: shown, traceback: [`Uncaught ${shown}`] };
}

/** Describe compile errors, pointing into `code`. */
export function formatDiagnostics(diagnostics: CellDiagnostic[], code: string): CellError {
  const sourceLines = code.split("\n");
  const traceback: string[] = [];
  for (const d of diagnostics) {
    const where = d.file
      ? `${d.file} line ${d.line}, column ${d.column}`
      : `line ${d.line}, column ${d.column}`;
    traceback.push(`${where}: ${d.message}`);
    const src = d.file ? undefined : sourceLines[d.line - 1];
    if (src !== undefined) {
      traceback.push(`    ${src}`);
      traceback.push(`    ${" ".repeat(Math.max(0, d.column - 1))}^`);
    }
  }
  const first = diagnostics[0];
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
  return {
    ename: "TypeScriptError",
    evalue: `line ${first.line}, column ${first.column}: ${first.message}${more}`,
    traceback,
  };
}
