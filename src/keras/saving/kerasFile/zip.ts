/**
 * The zip container of a `.keras` file (fflate): `zipMembers` packs named members without
 * compression (as Keras writes them), `unzipMembers` reads them back with clear errors.
 *
 * Behaviour: a file that is not a zip, or is truncated, gives a ValueError naming the file; a
 * missing member gives a ValueError naming the member and the members present.
 *
 * @example
 * const bytes = zipMembers({ "config.json": "{}" });
 * requireMembers("load", "m.keras", unzipMembers("load", "m.keras", bytes), ["config.json"]);
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { ValueError } from "../../../validation/errors";

/** Packs `members` (text or bytes) into zip bytes, stored uncompressed. */
export function zipMembers(members: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  const mtime = new Date();
  for (const [name, data] of Object.entries(members)) {
    files[name] = [typeof data === "string" ? strToU8(data) : data, { level: 0, mtime }];
  }
  return zipSync(files);
}

/** The members of the zip bytes `data` read from `file`. */
export function unzipMembers(
  where: string,
  file: string,
  data: Uint8Array,
): Record<string, Uint8Array> {
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new ValueError(
      `${where}: ${file} is not a .keras file (not a zip archive; ${data.length.toLocaleString("en-US")} bytes)`,
    );
  }
  try {
    return unzipSync(data);
  } catch (e) {
    throw new ValueError(
      `${where}: ${file} is a damaged zip archive (${(e as Error).message}); save the model again`,
    );
  }
}

/** Checks that `members` holds every name in `names`. */
export function requireMembers(
  where: string,
  file: string,
  members: Record<string, Uint8Array>,
  names: string[],
): void {
  for (const name of names) {
    if (!(name in members)) {
      const present = Object.keys(members);
      throw new ValueError(
        `${where}: ${file} has no ${name} (a .keras file holds metadata.json, config.json and ` +
          `model.weights.h5; this one holds ${present.length ? present.join(", ") : "nothing"})`,
      );
    }
  }
}
