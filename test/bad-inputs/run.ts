/**
 * Running a catalogue cell in-process as the kernel would: PRELUDE then the cell, TypeScript
 * transpiled to JavaScript (types are checked separately, see catalogue.test.ts), top-level
 * `await` allowed, every public name of tslab-ml in scope. Relative paths resolve against the
 * working directory, as in a notebook.
 *
 * @example
 * await runCell(`readCsv("no_such_file.csv");`); // rejects with FileNotFoundError
 */
import ts from "typescript";
import * as api from "../../src/index";
import { PRELUDE } from "./cases";

type Cell = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => Cell;

/** The public value names of tslab-ml (what `import { … } from "tslab-ml"` can name). */
export const PUBLIC_NAMES: string[] = Object.keys(api).filter((k) => k !== "__esModule");

/** Runs PRELUDE + `code`; resolves with nothing, rejects with what the cell threw. */
export function runCell(code: string): Promise<unknown> {
  const js = ts.transpileModule(`${PRELUDE}\n${code}`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
  const scope = api as unknown as Record<string, unknown>;
  return new AsyncFunction(...PUBLIC_NAMES, js)(...PUBLIC_NAMES.map((n) => scope[n]));
}
