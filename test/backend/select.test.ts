import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describeBackend } from "../../src/backend/info";
import { requireModule } from "../../src/backend/load";
import { parseBackendRequest } from "../../src/backend/request";
import { selectBackend } from "../../src/backend/select";

const INDEX = path.resolve(__dirname, "../../src/backend/index.js");

/** Whether the optional native package is installed here (it is not, on the CI machine). */
const HAS_NODE = (() => {
  try {
    require.resolve("@tensorflow/tfjs-node");
    return true;
  } catch {
    return false;
  }
})();

/** The script run in a fresh process: import, probe synchronously, then await ready(). */
const SCRIPT = `
const tf = require("@tensorflow/tfjs");
const backend = require(${JSON.stringify(INDEX)});
console.log("SYNC " + tf.engine().backendName);
console.log("OPS " + JSON.stringify(tf.tensor1d([1, 2, 3]).square().arraySync()));
try { backend.backendInfo(); console.log("EARLY none"); } catch (e) { console.log("EARLY " + e.message); }
backend.ready().then(
  (info) => console.log("INFO " + JSON.stringify(info) + " ACTIVE " + tf.getBackend()),
  (e) => console.log("ERROR " + e.message),
);
`;

interface Run {
  announcements: string[];
  sync: string;
  /** tf.tensor1d([1, 2, 3]).square() run right after the import. */
  ops: string;
  early: string;
  info?: Record<string, unknown>;
  active?: string;
  error?: string;
  stderr: string;
}

/** Runs SCRIPT with the given environment overrides (undefined removes a variable). */
function run(env: Record<string, string | undefined>): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.TSLAB_ML_BACKEND;
  delete childEnv.TSLAB_ML_QUIET;
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) childEnv[key] = value;
  }
  const child = spawnSync(process.execPath, ["-e", SCRIPT], {
    cwd: path.resolve(__dirname, "../../.."),
    env: childEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(child.status, 0, `child failed: ${child.stderr}`);
  const lines = child.stdout.split("\n").filter((l) => l !== "");
  const field = (prefix: string) => lines.find((l) => l.startsWith(prefix))?.slice(prefix.length);
  const infoLine = field("INFO ");
  const [infoJson, active] = infoLine === undefined ? [] : infoLine.split(" ACTIVE ");
  return {
    announcements: lines.filter((l) => l.startsWith("tslab-ml:")),
    sync: field("SYNC ") ?? "",
    ops: field("OPS ") ?? "",
    early: field("EARLY ") ?? "",
    info: infoJson === undefined ? undefined : JSON.parse(infoJson),
    active,
    error: field("ERROR "),
    stderr: child.stderr,
  };
}

test("parseBackendRequest accepts known names, auto and unset; rejects others clearly", () => {
  assert.equal(parseBackendRequest("wasm"), "wasm");
  assert.equal(parseBackendRequest(" CPU "), "cpu");
  assert.equal(parseBackendRequest("tensorflow"), "tensorflow");
  assert.equal(parseBackendRequest(undefined), "auto");
  assert.equal(parseBackendRequest(""), "auto");
  assert.equal(parseBackendRequest("auto"), "auto");
  assert.throws(
    () => parseBackendRequest("gpu"),
    /^Error: TSLAB_ML_BACKEND must be one of "tensorflow", "wasm", "cpu", "auto" \(or unset\); received "gpu"\.$/,
  );
});

test("TSLAB_ML_BACKEND=cpu forces cpu, announced in exactly one line", () => {
  const r = run({ TSLAB_ML_BACKEND: "cpu" });
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.sync, "cpu", "tf.setBackend runs synchronously on import");
  assert.equal(r.info?.name, "cpu");
  assert.equal(r.active, "cpu");
  assert.equal(r.info?.native, false);
  assert.equal(r.info?.simd, undefined);
  assert.deepEqual(r.announcements.length, 1, r.announcements.join("\n"));
  assert.match(
    r.announcements[0],
    /^tslab-ml: TensorFlow\.js 4\.22\.0 on cpu \(pure JavaScript\) — /,
  );
  assert.doesNotMatch(r.stderr, /Hi, looks like you are running TensorFlow\.js in Node/);
});

test("TSLAB_ML_BACKEND=wasm forces wasm; backendInfo() throws until ready() resolved", () => {
  const r = run({ TSLAB_ML_BACKEND: "wasm" });
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.sync, "cpu", "cpu serves the importing cell while wasm compiles");
  assert.equal(r.ops, "[1,4,9]", "operations work right after the import");
  assert.match(r.early, /before the backend was ready; await ready\(\) first/);
  assert.equal(r.info?.name, "wasm");
  assert.equal(r.active, "wasm");
  assert.equal(typeof r.info?.simd, "boolean");
  assert.ok(Number.isInteger(r.info?.threads) && (r.info?.threads as number) >= 1);
  assert.equal(r.announcements.length, 1);
  assert.match(r.announcements[0], /^tslab-ml: TensorFlow\.js 4\.22\.0 on wasm \(WebAssembly/);
});

test("auto selection: tensorflow if @tensorflow/tfjs-node is installed, else wasm", () => {
  const r = run({});
  const expected = HAS_NODE ? "tensorflow" : "wasm";
  assert.equal(r.info?.name, expected, r.error);
  assert.equal(r.sync, HAS_NODE ? "tensorflow" : "cpu");
  assert.equal(r.announcements.length, 1);
  if (!HAS_NODE) {
    assert.ok(r.announcements[0].includes("npm install @tensorflow/tfjs-node"), r.announcements[0]);
  }
});

test("TSLAB_ML_QUIET=1 silences the announcement", () => {
  const r = run({ TSLAB_ML_BACKEND: "cpu", TSLAB_ML_QUIET: "1" });
  assert.equal(r.info?.name, "cpu");
  assert.deepEqual(r.announcements, []);
});

test("TSLAB_ML_BACKEND=tensorflow without tfjs-node rejects ready() with the fix", (t) => {
  if (HAS_NODE) {
    t.skip("@tensorflow/tfjs-node is installed here");
    return;
  }
  const r = run({ TSLAB_ML_BACKEND: "tensorflow" });
  assert.equal(r.info, undefined);
  assert.match(r.error ?? "", /^TSLAB_ML_BACKEND=tensorflow was requested, but/);
  assert.ok(r.error?.includes("npm install @tensorflow/tfjs-node"), r.error);
  assert.deepEqual(r.announcements, []);
  assert.ok(r.stderr.includes("TSLAB_ML_BACKEND=tensorflow was requested"), "also on stderr");
});

test("an unknown TSLAB_ML_BACKEND rejects ready() naming the variable and the value", () => {
  const r = run({ TSLAB_ML_BACKEND: "gpu" });
  assert.match(r.error ?? "", /TSLAB_ML_BACKEND must be one of .*received "gpu"/);
  assert.match(r.early, /initialisation failed|before the backend was ready/);
  assert.deepEqual(r.announcements, []);
});

test("auto falls back from a broken tfjs-node to wasm, and from a broken wasm to cpu", async () => {
  const broken = (id: string) => {
    if (id === "@tensorflow/tfjs-node") {
      throw new Error("libtensorflow.so.2: cannot open shared object file");
    }
    return requireModule(id);
  };
  const wasm = await selectBackend({ request: "auto", load: broken });
  assert.equal(wasm.name, "wasm");
  assert.equal(tf.getBackend(), "wasm");
  assert.match(wasm.notes.join(), /tfjs-node is installed but failed to load \(libtensorflow/);
  assert.match(describeBackend("wasm", wasm).hint, /failed to load .*npm install/);

  // tfjs-node "loads" but registers no backend: setBackend("tensorflow") rejects → wasm.
  const silent = (id: string) => (id === "@tensorflow/tfjs-node" ? {} : requireModule(id));
  const fallback = await selectBackend({ request: "auto", load: silent });
  assert.equal(fallback.name, "wasm");
  assert.match(fallback.notes.join(), /tf\.setBackend\("tensorflow"\) failed/);

  const noWasm = (id: string) => {
    if (id === "@tensorflow/tfjs-backend-wasm") throw new Error("wasm unavailable");
    return broken(id);
  };
  const cpu = await selectBackend({ request: "auto", load: noWasm });
  assert.equal(cpu.name, "cpu");
  assert.equal(tf.getBackend(), "cpu");
  assert.match(describeBackend("cpu", cpu).hint, /wasm failed to load \(wasm unavailable\)/);
  await assert.rejects(selectBackend({ request: "wasm", load: noWasm, source: "option backend" }), {
    message:
      /^option backend=wasm was requested, but @tensorflow\/tfjs-backend-wasm failed to load/,
  });
});
