#!/usr/bin/env node
/**
 * `npm run kernel:install [-- --user | --prefix DIR | --sys-prefix]`
 *
 * Registers the "TypeScript ML" kernel with Jupyter, without Python.
 * - `--user` (default): the per-user Jupyter data dir (`JUPYTER_DATA_DIR`
 *   honoured; Linux `~/.local/share/jupyter`, macOS `~/Library/Jupyter`,
 *   Windows `%APPDATA%\jupyter`).
 * - `--prefix DIR`: `DIR/share/jupyter/kernels/tslab-ml` (use
 *   `JUPYTER_PATH=DIR/share/jupyter` or a Python env at DIR).
 * - `--sys-prefix`: the active Python environment (`VIRTUAL_ENV` or
 *   `CONDA_PREFIX`).
 */
import { userDataDir, prefixDataDir } from "./jupyterPaths";
import { writeKernelspec } from "./kernelspec";

/** Where the kernelspec goes for these command-line arguments. */
export function installTarget(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const known = new Set(["--user", "--prefix", "--sys-prefix"]);
  let target: string | null = null;
  const set = (t: string, flag: string) => {
    if (target !== null)
      throw new Error(
        `kernel:install: give only one of --user, --prefix DIR, --sys-prefix (got ${flag} as well)`,
      );
    target = t;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--user") set(userDataDir(), a);
    else if (a === "--sys-prefix") {
      const prefix = env.VIRTUAL_ENV || env.CONDA_PREFIX;
      if (!prefix) {
        throw new Error(
          "kernel:install: --sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX is not set); use --user or --prefix DIR",
        );
      }
      set(prefixDataDir(prefix), a);
    } else if (a === "--prefix" || a.startsWith("--prefix=")) {
      const dir = a === "--prefix" ? argv[++i] : a.slice("--prefix=".length);
      if (!dir)
        throw new Error("kernel:install: --prefix needs a folder, e.g. --prefix /opt/jupyter");
      set(prefixDataDir(dir), "--prefix");
    } else if (!known.has(a)) {
      throw new Error(
        `kernel:install: unknown option ${a}; expected --user, --prefix DIR or --sys-prefix`,
      );
    }
  }
  return target ?? userDataDir();
}

if (require.main === module) {
  try {
    const dir = writeKernelspec(installTarget(process.argv.slice(2)));
    console.log(`Installed the "TypeScript ML" kernel (tslab-ml) in ${dir}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
