/**
 * Shared pieces of the data tests: the compute backend chosen as in a notebook (quiet) and
 * temporary CSV files.
 */
import fs from "fs";
import path from "path";
import { ready } from "../../src/backend";
import { tempDir } from "../helpers";

process.env.TSLAB_ML_QUIET = "1";

/** Waits for the backend (wasm here). */
export async function backendReady(): Promise<void> {
  await ready();
}

let dir: string | null = null;

/** Writes `content` (text as UTF-8, or raw bytes) to a new temporary file; returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  dir ??= tempDir("data");
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
