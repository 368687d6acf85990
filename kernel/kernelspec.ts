/**
 * Writing the "TypeScript ML" kernelspec without Python.
 *
 * Behaviour: writes `<dataDir>/kernels/tslab-ml/kernel.json` (argv: this
 * Node.js, this package's `dist/kernel/main.js`, `--connection-file
 * {connection_file}`; display name "TypeScript ML"; language typescript;
 * interrupt by signal) and the logos. Re-running overwrites the same files,
 * so it is harmless. Writes go through a temporary file and a rename.
 *
 * @example
 * writeKernelspec("/home/a/.local/share/jupyter");
 * // "/home/a/.local/share/jupyter/kernels/tslab-ml"
 */
import fs from "fs";
import path from "path";
import { kernelMainPath, packageRoot } from "./paths";

export const KERNEL_NAME = "tslab-ml";
export const DISPLAY_NAME = "TypeScript ML";

/** The kernel.json content for this installation. */
export function kernelJson(nodePath = process.execPath): Record<string, unknown> {
  return {
    argv: [nodePath, kernelMainPath(), "--connection-file", "{connection_file}"],
    display_name: DISPLAY_NAME,
    language: "typescript",
    interrupt_mode: "signal",
    env: {},
    metadata: { debugger: false },
  };
}

/** Write the kernelspec under `dataDir/kernels/tslab-ml`; returns that folder. */
export function writeKernelspec(dataDir: string): string {
  const dir = path.join(dataDir, "kernels", KERNEL_NAME);
  try {
    fs.mkdirSync(dir, { recursive: true });
    writeAtomic(path.join(dir, "kernel.json"), JSON.stringify(kernelJson(), null, 2) + "\n");
    for (const logo of ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]) {
      const src = path.join(packageRoot(), "kernel", "assets", logo);
      writeAtomic(path.join(dir, logo), fs.readFileSync(src));
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      `kernel:install: cannot write the kernelspec to ${dir} (${err.code ?? err.message}); ` +
        `choose a writable place with --prefix DIR or set JUPYTER_DATA_DIR`,
    );
  }
  return dir;
}

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
