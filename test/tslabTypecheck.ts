/**
 * Type-checking a notebook cell the way the kernel does: with tslab's own TypeScript 5.0.4,
 * Node10 module resolution and CommonJS, `tslab-ml` resolved as an installed package (a
 * symlink to this repository in a temporary node_modules).
 *
 * @example
 * assert.deepEqual(tslabTypeCheck(CELL, /dist\/src\/keras\//).errors, []);
 */
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { tempDir } from "./helpers";

/** tslab's own compiler (TypeScript 5.0.4), as the kernel uses it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");

/** What the check found. */
export interface TslabTypeCheck {
  /** Diagnostics of the cell and of the package files that match `ours`. */
  errors: string[];
  /** With `declaration`: the cell's emitted .d.ts and the emit's own errors. */
  declarations: string;
  emitErrors: string[];
}

/**
 * Type-checks `cell`; `ours` selects the package's declaration files whose diagnostics count.
 * `declaration: true` also emits the cell's declarations, which checks that its exported
 * values have nameable types, as tslab needs when it declares a cell's variables for the
 * next cells.
 */
export function tslabTypeCheck(
  cell: string,
  ours: RegExp,
  options: { declaration?: boolean } = {},
): TslabTypeCheck {
  assert.equal(ts.version, "5.0.4");
  const dir = tempDir("tslab-typecheck");
  let root = __dirname;
  while (!fs.existsSync(path.join(root, "package.json"))) root = path.dirname(root);
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(root, path.join(dir, "node_modules", "tslab-ml"), "dir");
  const file = path.join(dir, "cell.ts");
  fs.writeFileSync(file, cell);
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    esModuleInterop: true,
    ...(options.declaration ? { declaration: true, emitDeclarationOnly: true } : { noEmit: true }),
    skipLibCheck: false,
    types: [],
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || d.file.fileName === file || ours.test(d.file.fileName))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  let declarations = "";
  let emitErrors: string[] = [];
  if (options.declaration) {
    const emitted = program.emit(undefined, (name, text) => {
      if (name.endsWith("cell.d.ts")) declarations = text;
    });
    emitErrors = emitted.diagnostics.map((d) =>
      ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    );
    if (emitted.emitSkipped) emitErrors.push("emit skipped");
  }
  return { errors, declarations, emitErrors };
}
