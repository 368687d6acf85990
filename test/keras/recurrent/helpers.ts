/**
 * Shared pieces of the recurrent-layer tests: the backend, the numpy reference fixture and
 * small comparisons.
 */
import fs from "fs";
import path from "path";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { ready } from "../../../src/backend";

process.env.TSLAB_ML_QUIET = "1";

/** Waits for the backend a notebook would use (wasm here). */
export async function backendReady(): Promise<void> {
  await ready();
}

/** One case of test/fixtures/keras/recurrent.json (see scripts/golden/recurrent_reference.py). */
export interface ReferenceCase {
  layer: "SimpleRNN" | "LSTM" | "GRU";
  units: number;
  options: Record<string, string | boolean>;
  weights: { kernel: number[][]; recurrent_kernel: number[][]; bias: number[] | number[][] };
  input: number[][][];
  expected: number[][] | number[][][];
  expected_states?: number[][][];
}

/** The numpy reference cases. */
export function referenceCases(): ReferenceCase[] {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  const file = path.join(dir, "test", "fixtures", "keras", "recurrent.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { cases: ReferenceCase[] }).cases;
}

/** Asserts `actual` has `expected`'s shape and values within `tol`. */
export function assertClose(actual: tf.Tensor, expected: unknown, tol: number, what: string): void {
  const want = tf.tensor(expected as number[]);
  assert.deepEqual(actual.shape, want.shape, `${what}: shape`);
  const a = actual.dataSync();
  const e = want.dataSync();
  want.dispose();
  let worst = 0;
  for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(a[i] - e[i]));
  assert.ok(worst <= tol, `${what}: max |difference| ${worst} > ${tol}`);
}

/** Parameters of Keras's layers (the formulas of the Keras docs). */
export const kerasParams = {
  simpleRnn: (inp: number, u: number) => inp * u + u * u + u,
  lstm: (inp: number, u: number) => 4 * (inp * u + u * u + u),
  gru: (inp: number, u: number) => 3 * (inp * u + u * u + 2 * u),
  gruResetBefore: (inp: number, u: number) => 3 * (inp * u + u * u + u),
};
