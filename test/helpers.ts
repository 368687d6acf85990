/**
 * Shared pieces of the integration tests: a Python with Jupyter (set up
 * through the same bootstrap as `npm start`), a kernelspec written into a
 * temporary Jupyter path, and temporary folders outside the repository.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { ensurePython, JUPYTER_FOR_TESTS } from "../kernel/bootstrap";
import { writeKernelspec } from "../kernel/kernelspec";

let python: string | null = null;

/** A Python that has Jupyter, nbclient and jupyter_kernel_test (installed if needed). */
export function testPython(): string {
  python ??= ensurePython(JUPYTER_FOR_TESTS);
  return python;
}

/** A new empty folder outside the repository (no node_modules above it). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tslab-ml-${prefix}-`));
}

/** A temporary Jupyter path holding the tslab-ml kernelspec. */
export function tempJupyterPath(): string {
  const dir = path.join(tempDir("jupyter"), "share", "jupyter");
  writeKernelspec(dir);
  return dir;
}

/** A notebook (nbformat 4) with these code cells, using the tslab-ml kernel. */
export function notebook(cells: string[]): object {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "tslab-ml", display_name: "TypeScript ML", language: "typescript" },
      language_info: { name: "typescript" },
    },
    cells: cells.map((source, i) => ({
      id: `cell-${i}`,
      cell_type: "code",
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
  };
}
