/**
 * Locations inside this package, valid both from `kernel/*.ts` (ts-node) and
 * from the compiled `dist/kernel/*.js`.
 */
import fs from "fs";
import path from "path";

/** The package root: the nearest ancestor folder whose package.json is named "tslab-ml". */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pj = path.join(dir, "package.json");
    if (fs.existsSync(pj)) {
      try {
        if (JSON.parse(fs.readFileSync(pj, "utf8")).name === "tslab-ml") return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`tslab-ml: package.json not found above ${__dirname}`);
    dir = parent;
  }
}

/** The compiled kernel entry point that a kernelspec starts. */
export function kernelMainPath(): string {
  return path.join(packageRoot(), "dist", "kernel", "main.js");
}

/** This package's version from its package.json. */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
}

/** The TypeScript compiler bundled with tslab (the one cells are compiled with). */
export function tslabTypeScript<T>(): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(
    require.resolve("@tslab/typescript-for-tslab", {
      paths: [path.dirname(require.resolve("tslab/package.json"))],
    }),
  ) as T;
}
