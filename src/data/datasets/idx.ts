/**
 * Reading gzip'ed IDX files, the format of the original MNIST distribution: a 4-byte magic
 * (0, 0, type 0x08 = unsigned byte, number of dimensions), one big-endian uint32 per
 * dimension, then the bytes.
 *
 * @example
 * readIdx(dataFile("mnist-10k-labels-idx1-ubyte.gz")).shape; // [10000]
 */
import fs from "fs";
import zlib from "zlib";

/** An IDX array of unsigned bytes. */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

/** The array stored in the gzip'ed IDX file `file`. */
export function readIdx(file: string): IdxArray {
  const buf = zlib.gunzipSync(fs.readFileSync(file));
  if (buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 0x08) {
    throw new Error(`readIdx: ${file} is not an IDX file of unsigned bytes`);
  }
  const rank = buf[3];
  const shape = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = shape.reduce((a, b) => a * b, 1);
  if (buf.length !== offset + size) {
    throw new Error(`readIdx: ${file} holds ${buf.length - offset} bytes, expected ${size}`);
  }
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, size) };
}
