/**
 * Crash-safe writes of saved models: `writeFileAtomically` (one file) and the temporary names
 * `writeFolderAtomically` uses, with the clean-up of what a killed process left behind.
 *
 * Behaviour: the bytes go to `.<name>.tmp-<pid>-<n>` in the target's folder, are flushed to disk
 * (fsync), then renamed over the target, so at every moment the target is either the previous
 * complete file or the new complete one. A process killed mid-write leaves only its temporary
 * file; the next successful save of the same target removes such leftovers whose process is no
 * longer running (another live process's save in progress is left alone).
 *
 * @example
 * writeFileAtomically("save", "models/m.keras", bytes);
 */
import fs from "fs";
import path from "path";
import { ValueError } from "../../validation/errors";

let counter = 0;

/** A fresh temporary name for `target` (absolute), in its folder. */
export function tempNameFor(target: string): string {
  counter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${counter}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files / folders of `target` left by processes that are gone. */
export function removeStaleTemps(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.tmp-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) continue;
    if (pid === process.pid) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function writeDurably(file: string, bytes: Uint8Array | string): void {
  const fd = fs.openSync(file, "w");
  try {
    const data = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `data` into the folder `dir` as `name`, flushed to disk. */
export function writeDurableFile(dir: string, name: string, data: Uint8Array | string): void {
  writeDurably(path.join(dir, name), data);
}

/** Writes `bytes` to `file` through a temporary file and a rename (see the module doc). */
export function writeFileAtomically(where: string, file: string, bytes: Uint8Array): void {
  const abs = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
  } catch (e) {
    throw new ValueError(`${where}: cannot create the folder of ${file} (${(e as Error).message})`);
  }
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) {
    throw new ValueError(`${where}: ${file} is a folder; give a file path or another name`);
  }
  const tmp = tempNameFor(abs);
  try {
    writeDurably(tmp, bytes);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new ValueError(`${where}: cannot write ${file} (${(e as Error).message.split("\n")[0]})`);
  }
  removeStaleTemps(abs);
}
