/**
 * Reading a batch of grayscale images (MNIST digits…) from what a student has.
 *
 * Behaviour: accepts a tensor `[n, h, w]`, `[n, h, w, 1]` or `[n, h·w]` (square images), an
 * array of `h×w` matrices, or an array of flat square images. Only the first `limit` images
 * are read.
 *
 * @example
 * readImages([[[0, 1], [1, 0]]], "imageGrid", 25); // { images: [[[0, 1], [1, 0]]], height: 2, width: 2 }
 */
import * as tf from "@tensorflow/tfjs";
import { ArgumentTypeError, ValueError, describe } from "../validation/errors";

/** Images as rows of numbers, all the same size. */
export interface ImageBatch {
  images: number[][][];
  height: number;
  width: number;
  /** How many images the input had (may exceed `images.length`). */
  total: number;
}

function square(where: string, length: number): number {
  const side = Math.round(Math.sqrt(length));
  if (side * side !== length) {
    throw new ValueError(
      `${where}: flat images must be square (e.g. 784 = 28×28 values); got ${length} values per image`,
    );
  }
  return side;
}

function fromFlat(
  flat: ArrayLike<number>,
  n: number,
  h: number,
  w: number,
  limit: number,
): number[][][] {
  const out: number[][][] = [];
  for (let k = 0; k < Math.min(n, limit); k++) {
    out.push(
      Array.from({ length: h }, (_, i) =>
        Array.from({ length: w }, (_, j) => flat[k * h * w + i * w + j]),
      ),
    );
  }
  return out;
}

/** The first `limit` images of `value` (see the module doc). */
export function readImages(value: unknown, where: string, limit: number): ImageBatch {
  if (value instanceof tf.Tensor) {
    const s = value.shape;
    const n = s[0] ?? 0;
    if (value.rank === 4 && s[3] !== 1) {
      throw new ValueError(
        `${where}: images must be grayscale (1 channel); got shape [${s.join(", ")}]`,
      );
    }
    if (value.rank < 2 || value.rank > 4) {
      throw new ValueError(
        `${where}: images must have shape [n, h, w], [n, h, w, 1] or [n, h·w]; got [${s.join(", ")}]`,
      );
    }
    const [h, w] = value.rank === 2 ? [square(where, s[1]), square(where, s[1])] : [s[1], s[2]];
    const take = Math.min(n, limit);
    const part = tf.tidy(() => value.slice(0, take).reshape([take * h * w]));
    const flat = part.dataSync();
    part.dispose();
    return { images: fromFlat(flat, take, h, w, limit), height: h, width: w, total: n };
  }
  if (!Array.isArray(value)) {
    throw new ArgumentTypeError(
      `${where}: images must be a tf.Tensor or an array of images; got ${describe(value)}`,
    );
  }
  if (value.length === 0) throw new ValueError(`${where}: images is empty; pass at least 1 image`);
  const first = value[0] as unknown;
  const nested = Array.isArray(first) && Array.isArray(first[0]);
  const images = value.slice(0, limit).map((img: unknown, k) => {
    if (!Array.isArray(img))
      throw new ValueError(`${where}: images[${k}] is ${describe(img)}, not an image`);
    if (nested)
      return (img as unknown[]).map((row) => Array.from(row as ArrayLike<number>, Number));
    const side = square(where, img.length);
    return fromFlat(img as number[], 1, side, side, 1)[0];
  });
  const [height, width] = [images[0].length, images[0][0]?.length ?? 0];
  images.forEach((img, k) => {
    if (img.length !== height || img.some((r) => r.length !== width)) {
      throw new ValueError(`${where}: images[${k}] is not ${height}×${width} like images[0]`);
    }
  });
  return { images, height, width, total: value.length };
}
