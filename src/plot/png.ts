/**
 * `grayPng(pixels, width, height)`: an 8-bit grayscale PNG, as a `data:` URL for plotly's
 * `image` trace.
 *
 * Behaviour: one byte per pixel, row by row (0 black, 255 white); the rows are deflated with
 * Node's zlib. A 28×28 digit is about 0.3–0.6 KB of base64, against about 3 KB as a heatmap's
 * numbers, so an image grid stays small in the notebook file.
 *
 * @example
 * grayPng(new Uint8Array([0, 255, 255, 0]), 2, 2); // "data:image/png;base64,iVBORw0KGgo…"
 */
import zlib from "zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** The PNG bytes of a grayscale image (see the module doc). */
export function grayPngBytes(pixels: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** The image as a `data:image/png;base64,…` URL. */
export function grayPng(pixels: Uint8Array, width: number, height: number): string {
  return `data:image/png;base64,${grayPngBytes(pixels, width, height).toString("base64")}`;
}
