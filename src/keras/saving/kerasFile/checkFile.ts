/**
 * `checkFile(where, file, what)`: the ValueError for a path that is missing or is a folder,
 * before a saved file is read.
 *
 * @example
 * checkFile("loadModel", "models/none.keras", ".keras file"); // ValueError: ... does not exist
 */
import fs from "fs";
import { ValueError } from "../../../validation/errors";

/** Throws unless `file` is an existing file. */
export function checkFile(where: string, file: string, what: string): void {
  if (!fs.existsSync(file))
    throw new ValueError(`${where}: ${file} does not exist (no ${what} there)`);
  if (fs.statSync(file).isDirectory()) {
    throw new ValueError(`${where}: ${file} is a folder, not a ${what}`);
  }
}
