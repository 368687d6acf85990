/**
 * Shared pieces of the keras tests: the compute backend (quiet), fixtures and small data.
 */
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import { ready } from "../../src/backend";

process.env.TSLAB_ML_QUIET = "1";

/** Waits for the backend chosen as in a notebook (wasm here). */
export async function backendReady(): Promise<void> {
  await ready();
}

/** The path of a file in test/fixtures/keras. */
export function fixturePath(file: string): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return path.join(dir, "test", "fixtures", "keras", file);
}

/** A JSON fixture of test/fixtures/keras. */
export function loadFixture<T>(file: string): T {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return JSON.parse(
    fs.readFileSync(path.join(dir, "test", "fixtures", "keras", file), "utf8"),
  ) as T;
}

/** Deterministic values in [-1, 1). */
export function seeded(n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out.push(((s >>> 0) / 2 ** 32) * 2 - 1);
  }
  return out;
}

/** `rows × cols` deterministic matrix. */
export function matrix(rows: number, cols: number, seed: number): number[][] {
  const v = seeded(rows * cols, seed);
  return Array.from({ length: rows }, (_, i) => v.slice(i * cols, (i + 1) * cols));
}

/** Values of a tensor as a plain array. */
export function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}
