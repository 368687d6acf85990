import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import type { BackendInfo } from "../../src/backend";
import { formatBackendInfo } from "../../src/backend/info";
import { PENDING_KEY } from "../../src/backend/pending";

let backend: typeof import("../../src/backend");
let info: BackendInfo;

/** The backend auto-selection should pick here. */
function expectedBackend(): string {
  const forced = (process.env.TSLAB_ML_BACKEND ?? "").trim().toLowerCase();
  if (forced !== "" && forced !== "auto") return forced;
  try {
    require.resolve("@tensorflow/tfjs-node");
    return "tensorflow";
  } catch {
    return "wasm";
  }
}

before(async () => {
  process.env.TSLAB_ML_QUIET = "1";
  backend = await import("../../src/backend");
  info = await backend.ready();
});

test("ready() returns one promise, registered on the global pending list", () => {
  const first = backend.ready();
  assert.equal(backend.ready(), first);
  const pending = (globalThis as unknown as Record<symbol, unknown>)[PENDING_KEY];
  assert.ok(Array.isArray(pending));
  assert.ok(pending.includes(first));
  assert.equal(PENDING_KEY, Symbol.for("tslab-ml.pending"));
});

test("backendInfo() describes the active backend with all fields", () => {
  const current = backend.backendInfo();
  assert.deepEqual(current, info);
  assert.equal(current.name, expectedBackend());
  assert.equal(current.name, tf.getBackend());
  assert.equal(current.tfjsVersion, "4.22.0");
  assert.equal(current.native, current.name === "tensorflow");
  assert.ok(current.hint.length > 20);
  if (current.name === "wasm") {
    assert.equal(typeof current.simd, "boolean");
    assert.ok(Number.isInteger(current.threads) && (current.threads ?? 0) >= 1);
    assert.match(current.hint, /npm install @tensorflow\/tfjs-node/);
  } else {
    assert.equal(current.simd, undefined);
    assert.equal(current.threads, undefined);
  }
});

test("backendInfo() follows a later tf.setBackend", async () => {
  const original = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    const cpu = backend.backendInfo();
    assert.equal(cpu.name, "cpu");
    assert.equal(cpu.native, false);
    assert.equal(cpu.simd, undefined);
  } finally {
    await tf.setBackend(original);
  }
  assert.deepEqual(backend.backendInfo(), info);
});

test("formatBackendInfo renders the one-line announcement", () => {
  const wasm: BackendInfo = {
    name: "wasm",
    tfjsVersion: "4.22.0",
    simd: true,
    threads: 1,
    native: false,
    hint: "for native speed install @tensorflow/tfjs-node",
  };
  assert.equal(
    formatBackendInfo(wasm),
    "tslab-ml: TensorFlow.js 4.22.0 on wasm (WebAssembly, SIMD) — " +
      "for native speed install @tensorflow/tfjs-node",
  );
  assert.match(formatBackendInfo({ ...wasm, threads: 4 }), /\(WebAssembly, SIMD, 4 threads\)/);
  const native = { ...wasm, name: "tensorflow" as const, native: true, hint: "fast" };
  assert.match(formatBackendInfo(native), /on tensorflow \(native libtensorflow\) — fast$/);
});
