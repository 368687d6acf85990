/**
 * A lighter program for tslab's compiler: the plain TypeScript program, without the
 * "builder" bookkeeping that tslab never uses.
 *
 * Behaviour: tslab creates its compiler with `ts.createWatchCompilerHost(…, createProgram =
 * null)`, so every cell's program is wrapped in an emit-and-semantic-diagnostics builder. That
 * builder recomputes the references and signatures of every file in the program on each
 * cell: after `import * as ml from "tslab-ml"` about 900 declaration files, 60–100 ms a cell.
 * tslab only asks its builder for the program, source files, `emit` and `getAllDependencies`
 * (to find the local .ts/.js files a cell imports). `installLightBuilder(ts)` hands tslab's
 * converter a copy of the TypeScript module whose `createWatchCompilerHost` passes a
 * `createProgram` that returns such a small wrapper around `ts.createProgram` (reusing the
 * previous program and binding its files, as the builder does). `getAllDependencies(file)` follows the resolved
 * imports of non-declaration files, which reaches every local source file a builder would.
 * Install it before `tslab/dist/converter` is first required; it changes nothing else.
 *
 * @example
 * installLightBuilder(tslabTypeScript());
 * const { createConverter } = require("tslab/dist/converter");
 */
import Module from "module";

/* eslint-disable @typescript-eslint/no-explicit-any -- the TypeScript API is used untyped */
type Ts = Record<string, any>;
type Program = Record<string, (...args: any[]) => any>;
interface SourceFile {
  fileName: string;
  isDeclarationFile: boolean;
  resolvedModules?: {
    forEach(cb: (r: { resolvedModule?: { resolvedFileName?: string } }) => void): void;
  };
}

/** The builder-shaped wrapper tslab gets; see the module doc. */
export function lightBuilder(program: Program): Record<string, unknown> {
  return {
    getProgram: () => program,
    getProgramOrUndefined: () => program,
    releaseProgram: () => undefined,
    getCompilerOptions: () => program.getCompilerOptions(),
    getCurrentDirectory: () => program.getCurrentDirectory(),
    getSourceFile: (f: string) => program.getSourceFile(f),
    getSourceFiles: () => program.getSourceFiles(),
    getOptionsDiagnostics: (ct?: unknown) => program.getOptionsDiagnostics(ct),
    getGlobalDiagnostics: (ct?: unknown) => program.getGlobalDiagnostics(ct),
    getConfigFileParsingDiagnostics: () => program.getConfigFileParsingDiagnostics(),
    getSyntacticDiagnostics: (sf?: unknown, ct?: unknown) =>
      program.getSyntacticDiagnostics(sf, ct),
    getSemanticDiagnostics: (sf?: unknown, ct?: unknown) => program.getSemanticDiagnostics(sf, ct),
    getDeclarationDiagnostics: (sf?: unknown, ct?: unknown) =>
      program.getDeclarationDiagnostics(sf, ct),
    emit: (...args: unknown[]) => program.emit(...args),
    getAllDependencies: (sf: SourceFile) => localDependencies(program, sf),
  };
}

/** `sf` and every file of the program reached from it through non-declaration files' imports. */
export function localDependencies(program: Program, sf: SourceFile): string[] {
  const seen = new Set([sf.fileName]);
  const queue = [sf];
  while (queue.length > 0) {
    const file = queue.shift() as SourceFile;
    if (file.isDeclarationFile) continue;
    file.resolvedModules?.forEach((r) => {
      const name = r?.resolvedModule?.resolvedFileName;
      if (!name || seen.has(name)) return;
      const dep = program.getSourceFile(name) as SourceFile | undefined;
      if (!dep) return; // not part of the program (a package's .js)
      seen.add(name);
      queue.push(dep);
    });
  }
  return [...seen];
}

let installed = false;

/** Give `tslab/dist/converter` a TypeScript whose watch hosts make light programs. */
export function installLightBuilder(ts: Ts): void {
  if (installed) return;
  installed = true;
  const copy: Ts = {};
  for (const key of Object.keys(ts)) {
    if (key === "createWatchCompilerHost") continue;
    Object.defineProperty(copy, key, { get: () => ts[key], enumerable: true });
  }
  const createHost = ts.createWatchCompilerHost as (...args: unknown[]) => unknown;
  const createProgram = (
    rootNames: string[],
    options: unknown,
    host: unknown,
    old: { getProgram(): unknown } | undefined,
    configFileParsingDiagnostics: unknown,
    projectReferences: unknown,
  ) => {
    const program = ts.createProgram({
      rootNames,
      options,
      host,
      oldProgram: old?.getProgram(),
      configFileParsingDiagnostics,
      projectReferences,
    }) as Program;
    // tslab reads `sourceFile.locals`, which exist once the files are bound: creating the
    // checker binds them, as the builder did.
    program.getTypeChecker();
    return lightBuilder(program);
  };
  Object.defineProperty(copy, "createWatchCompilerHost", {
    enumerable: true,
    value: (...args: unknown[]) => {
      if (Array.isArray(args[0]) && !args[3]) args[3] = createProgram;
      return createHost.apply(ts, args);
    },
  });
  const mod = Module as unknown as {
    _load: (request: string, parent: unknown, ...rest: unknown[]) => unknown;
  };
  const load = mod._load;
  mod._load = function (request: string, parent: unknown, ...rest: unknown[]) {
    const from = (parent as { filename?: string } | null)?.filename ?? "";
    if (
      request === "@tslab/typescript-for-tslab" &&
      /tslab[\\/]dist[\\/]converter\.js$/.test(from)
    ) {
      return copy;
    }
    return load.call(this, request, parent, ...rest);
  };
}
