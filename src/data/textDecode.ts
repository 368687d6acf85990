/**
 * Turning a file's bytes into text for `readCsv`: UTF-8 by default (a leading byte-order mark
 * is dropped), any other WHATWG encoding on request (`"euc-kr"`, `"cp949"`, `"latin1"`…).
 * Invalid UTF-8 is an error that gives the first bad byte's offset and line.
 *
 * @example
 * decodeText(Buffer.from([0x61, 0xff]), "utf-8", "readCsv", "x.csv");
 * // ValueError: readCsv: x.csv is not valid UTF-8: byte 0xff at byte offset 1 (line 1) …
 */
import { isUtf8 } from "buffer";
import { TextDecoder } from "util";
import { ValueError } from "../validation/errors";

/**
 * The offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all
 * bytes are valid (overlong forms, surrogates and code points above U+10FFFF are invalid).
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const ALIASES: Record<string, string> = { cp949: "euc-kr", ms949: "euc-kr", uhc: "euc-kr" };

/** The text of `bytes` in `encoding` (default UTF-8), with the errors described above. */
export function decodeText(bytes: Buffer, encoding: string, where: string, file: string): string {
  const label = ALIASES[encoding.toLowerCase()] ?? encoding;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new ValueError(
      `${where}: unknown encoding ${JSON.stringify(encoding)}; use "utf-8" (default), ` +
        `"euc-kr" (Korean Windows / Excel), "latin1" or another WHATWG encoding name`,
    );
  }
  if (decoder.encoding === "utf-8" && !isUtf8(bytes)) {
    const at = invalidUtf8Offset(bytes);
    let line = 1;
    for (let k = 0; k < at; k++) if (bytes[k] === 0x0a) line++;
    const hex = "0x" + bytes[at].toString(16).padStart(2, "0");
    throw new ValueError(
      `${where}: ${file} is not valid UTF-8: byte ${hex} at byte offset ${at} (line ${line}) ` +
        `cannot be decoded; if the file was saved in another encoding, pass it, e.g. ` +
        `{ encoding: "euc-kr" } for Korean Excel files`,
    );
  }
  try {
    return decoder.decode(bytes); // drops a leading byte-order mark
  } catch {
    throw new ValueError(`${where}: ${file} cannot be decoded as ${decoder.encoding}`);
  }
}
