/**
 * Makes `import … from "tslab-ml"` work in a notebook in any folder.
 *
 * Behaviour: tslab compiles cells with its bundled TypeScript (Node10 module
 * resolution from the notebook's folder) and runs them with a `require` rooted
 * there. A notebook outside this repository has no `node_modules/tslab-ml`, so
 * both the type checker and `require` are pointed at the package this kernel
 * belongs to: the type checker sees `<cwd>/node_modules/tslab-ml/…` as this
 * package's files (the same trick tslab uses for itself), and Node's resolver
 * maps the bare name `tslab-ml` (and `tslab-ml/…`) to this package's root.
 * `@tensorflow/tfjs` and `danfojs` fall back the same way when the notebook's
 * folder has no copy of its own. A few third-party declarations are read with small edits that
 * keep the first import fast (declarationEdits.ts).
 *
 * @example
 * installModuleHook(); // before tslab's converter is created
 */
import fs from "fs";
import Module from "module";
import path from "path";
import { packageRoot, tslabTypeScript } from "./paths";
import { editDeclaration } from "./declarationEdits";

const OWN = "tslab-ml";
/** Packages a notebook may import even where no node_modules has them. */
const SHARED = [OWN, "@tensorflow/tfjs", "danfojs"];

interface TsSys {
  fileExists(p: string): boolean;
  directoryExists(p: string): boolean;
  readFile(p: string, encoding?: string): string | undefined;
  readDirectory(p: string, ...rest: unknown[]): string[];
  realpath?(p: string): string;
}

let installed = false;
const slash = (s: string) => s.replace(/\\/g, "/");

/**
 * The folder of package `name` as resolved from `root`: found from its entry point upwards,
 * because packages with an `exports` map (danfojs) do not export `package.json`.
 */
export function packageDir(name: string, root: string): string {
  let dir = path.dirname(require.resolve(name, { paths: [root] }));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const m = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
      if (m.name === name) return dir;
    }
    const up = path.dirname(dir);
    if (up === dir)
      throw new Error(`packageDir: no package.json named ${name} above its entry point`);
    dir = up;
  }
}

/** Where each shared package really lives, seen from this package. */
export function sharedPackageDirs(root = packageRoot()): Map<string, string> {
  const dirs = new Map<string, string>([[OWN, root]]);
  for (const name of SHARED.slice(1)) {
    try {
      dirs.set(name, packageDir(name, root));
    } catch {
      // not installed: nothing to forward
    }
  }
  return dirs;
}

/**
 * Map `<cwd>/node_modules/<shared>/<rest>` to the real folder of that package
 * (always for tslab-ml; for the others only if `<cwd>` has no copy).
 */
export function forwardPackagePath(cwd: string, p: string, dirs: Map<string, string>): string {
  const target = slash(p);
  for (const [name, dir] of dirs) {
    const prefix = slash(path.join(cwd, "node_modules", name));
    if (target !== prefix && !target.startsWith(prefix + "/")) continue;
    if (name !== OWN && fs.existsSync(prefix)) return p;
    return slash(path.join(dir, target.slice(prefix.length)));
  }
  return p;
}

/** Install both hooks once; later calls do nothing. */
export function installModuleHook(): void {
  if (installed) return;
  installed = true;
  const dirs = sharedPackageDirs();
  hookTypeScript(process.cwd(), dirs);
  hookRequire(dirs);
}

function hookTypeScript(cwd: string, dirs: Map<string, string>): void {
  // tslab's own TypeScript: the converter reads files through `ts.sys`.
  const sys = tslabTypeScript<{ sys: TsSys }>().sys;
  const fwd = (p: string) => forwardPackagePath(cwd, p, dirs);
  const fileExists = sys.fileExists.bind(sys);
  const directoryExists = sys.directoryExists.bind(sys);
  const readFile = sys.readFile.bind(sys);
  const readDirectory = sys.readDirectory.bind(sys);
  const realpath = sys.realpath?.bind(sys);
  sys.fileExists = (p) => fileExists(fwd(p));
  sys.directoryExists = (p) => directoryExists(fwd(p));
  sys.readFile = (p, encoding) => {
    const text = readFile(fwd(p), encoding);
    return text === undefined ? text : editDeclaration(p, text);
  };
  sys.readDirectory = (p, ...rest) => readDirectory(fwd(p), ...rest);
  // Resolve to the real location so that the package's own imports
  // (@tensorflow/tfjs, danfojs…) resolve from its node_modules.
  sys.realpath = (p) => (realpath ? realpath(fwd(p)) : fwd(p));
}

function hookRequire(dirs: Map<string, string>): void {
  const mod = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = mod._resolveFilename;
  const root = dirs.get(OWN) as string;
  mod._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === OWN || request.startsWith(OWN + "/")) {
      return original.call(this, path.join(root, request.slice(OWN.length)), ...rest);
    }
    try {
      return original.call(this, request, ...rest);
    } catch (e) {
      const name = SHARED.find((n) => request === n || request.startsWith(n + "/"));
      if (!name || (e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw e;
      return original.call(this, request, rest[0], rest[1], { paths: [root] });
    }
  };
}
