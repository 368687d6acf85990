/**
 * Syntax checks with tslab's own TypeScript (no type checking).
 *
 * @example
 * parseDiagnostics("let x = ;"); // 1
 */
import { tslabTypeScript } from "./paths";

interface TsParse {
  createSourceFile(
    name: string,
    text: string,
    target: number,
    setParents?: boolean,
    kind?: number,
  ): { parseDiagnostics?: unknown[] };
  ScriptTarget: { Latest: number };
  ScriptKind: { TS: number };
}

let ts: TsParse | null = null;

function typescript(): TsParse {
  ts ??= tslabTypeScript<TsParse>();
  return ts;
}

/** Number of syntax errors in `code` parsed as a TypeScript file. */
export function parseDiagnostics(code: string): number {
  const t = typescript();
  const src = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  return src.parseDiagnostics?.length ?? 0;
}
