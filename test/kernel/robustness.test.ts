/**
 * Kernel robustness, against the real kernel process started by jupyter_client
 * (robustness_client.py drives it and reports what it saw as JSON):
 * - errors thrown in timers and promises rejected after (or while) a cell ran
 *   are reported on that cell, and the kernel lives on with its variables;
 * - messages with a bad HMAC signature or broken framing get no answer;
 * - the kernel listens on the connection file's ip and ports only;
 * - two kernels in one notebook folder both work, write nothing there, and a
 *   third one started on the first one's endpoints cannot take them over.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { channelAddress } from "../../kernel/addresses";
import { readConnectionFile, ConnectionFileError } from "../../kernel/connection";
import { packageRoot } from "../../kernel/paths";
import { tempDir, tempJupyterPath, testPython } from "../helpers";

interface IopubEntry {
  cell: string | null;
  type: string;
  content: Record<string, unknown> & {
    ename?: string;
    evalue?: string;
    traceback?: string[];
    name?: string;
    text?: string;
    execution_state?: string;
    data?: Record<string, string>;
  };
}

/** Run one scenario of robustness_client.py in `cwd`; its JSON result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function scenario(name: string, cwd: string, env: Record<string, string> = {}): any {
  const script = path.join(packageRoot(), "test", "kernel", "robustness_client.py");
  const r = spawnSync(testPython(), [script, name], {
    cwd,
    env: { ...process.env, JUPYTER_PATH: tempJupyterPath(), ...env },
    encoding: "utf8",
    timeout: 540_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout?.split("\n").find((l) => l.startsWith("RESULT "));
  assert.ok(
    r.status === 0 && line,
    `${name}: exit ${r.status}\n${r.stdout}\n${r.stderr}`.slice(-20_000),
  );
  return JSON.parse(line.slice("RESULT ".length));
}

/** `f` run once; later calls return its value (or throw its error) again. */
function memo<T>(f: () => T): () => T {
  let done: { ok: true; v: T } | { ok: false; e: unknown } | null = null;
  return () => {
    if (!done) {
      try {
        done = { ok: true, v: f() };
      } catch (e) {
        done = { ok: false, e };
      }
    }
    if (!done.ok) throw done.e;
    return done.v;
  };
}

// -- 1. errors after (or while) a cell runs --------------------------------------

const late = memo(
  () =>
    scenario("late-errors", tempDir("late"), { TSLAB_ML_BACKEND: "wasm" }) as {
      iopub: IopubEntry[];
      replies: Record<string, { status: string }>;
      alive: boolean;
      log: string;
    },
);

const on = (cell: string, type: string) =>
  late().iopub.filter((e) => e.cell === cell && e.type === type);
const indexOf = (pred: (e: IopubEntry) => boolean) => late().iopub.findIndex(pred);
const idleAt = (cell: string) =>
  indexOf((e) => e.cell === cell && e.type === "status" && e.content.execution_state === "idle");

/** The one error output on `cell`; checks its name, message and headline. */
function errorOn(cell: string, ename: string, evalue: string, headline: RegExp): number {
  const errors = on(cell, "error");
  assert.equal(errors.length, 1, `${cell}: ${JSON.stringify(late().iopub, null, 1)}`);
  const c = errors[0].content;
  assert.equal(c.ename, ename);
  assert.equal(c.evalue, evalue);
  assert.match(c.traceback?.[0] ?? "", headline);
  assert.ok(
    c.traceback?.some((l) => l.startsWith(`${ename}: ${evalue}`)),
    JSON.stringify(c.traceback),
  );
  assert.equal(late().replies[cell]?.status, "ok", `${cell} itself succeeded`);
  return late().iopub.indexOf(errors[0]);
}

/** The stderr stream text of `cell`. */
const stderrOf = (cell: string) =>
  on(cell, "stream")
    .filter((e) => e.content.name === "stderr")
    .map((e) => e.content.text)
    .join("");

test(
  "an error thrown in a timer after its cell finished is reported on that cell and noted on the next",
  { timeout: 600_000 },
  () => {
    const at = errorOn(
      "timer",
      "Error",
      "late timer",
      /^Uncaught exception from cell \[1\] after it finished; the kernel keeps running\.$/,
    );
    assert.ok(at > idleAt("timer"), "the error came after the cell had gone idle");
    assert.match(
      stderrOf("rejection"),
      /^Uncaught exception from cell \[1\] after it finished: Error: late timer \(shown on that cell\)$/m,
    );
    assert.match(late().log, /Uncaught exception from cell \[1\] after it finished.*late timer/);
  },
);

test(
  "a promise rejected after its cell finished is reported on that cell",
  { timeout: 600_000 },
  () => {
    const at = errorOn(
      "rejection",
      "RangeError",
      "late rejection",
      /^Unhandled promise rejection from cell \[2\] after it finished; the kernel keeps running\.$/,
    );
    assert.ok(at > idleAt("rejection"));
    assert.match(stderrOf("wasm"), /Unhandled promise rejection from cell \[2\].*late rejection/);
  },
);

test(
  "late errors still reach their cell when process listeners rethrow (wasm backend, or a cell's own)",
  { timeout: 600_000 },
  () => {
    // the wasm backend's Emscripten runtime adds process listeners that rethrow
    assert.equal(on("wasm", "execute_result")[0]?.content.data?.["text/plain"], "'wasm'");
    errorOn("after-wasm", "Error", "late after wasm", /^Uncaught exception from cell \[4\]/);
    errorOn(
      "rethrowing",
      "SyntaxError",
      "rejected past rethrowing listeners",
      /^Unhandled promise rejection from cell \[5\] after it finished/,
    );
  },
);

test(
  "an error from a timer while its own cell still runs is an output of that cell, which completes",
  { timeout: 600_000 },
  () => {
    const at = errorOn(
      "own-run",
      "EvalError",
      "while the cell waits",
      /^Uncaught exception from cell \[6\] while it ran; the kernel keeps running\.$/,
    );
    assert.ok(at < idleAt("own-run"), "reported while the cell was busy");
    assert.equal(on("own-run", "execute_result")[0]?.content.data?.["text/plain"], "'waited'");
    assert.doesNotMatch(stderrOf("earlier"), /while the cell waits/, "no note for a shown error");
  },
);

test(
  "an error from an earlier cell while another cell runs goes to the earlier cell, noted on the running one",
  { timeout: 600_000 },
  () => {
    const at = errorOn(
      "earlier",
      "URIError",
      "during the next cell",
      /^Uncaught exception from cell \[7\] after it finished/,
    );
    assert.ok(at < idleAt("next"), "it happened while the next cell ran");
    assert.match(stderrOf("next"), /from cell \[7\] after it finished: URIError: during the next/);
    assert.equal(on("next", "error").length, 0);
    assert.equal(late().replies.next.status, "ok");
  },
);

test(
  "after those errors the kernel is alive and runs the next cell with earlier variables intact",
  { timeout: 600_000 },
  () => {
    assert.equal(late().alive, true);
    assert.equal(late().replies.survived?.status, "ok");
    assert.equal(on("survived", "execute_result")[0]?.content.data?.["text/plain"], "42");
  },
);

// -- 2. bad signatures ------------------------------------------------------------

test(
  "messages with a bad signature or broken framing are ignored; a signed request is answered",
  { timeout: 600_000 },
  () => {
    const dir = tempDir("hmac");
    const r = scenario("hmac", dir);
    assert.deepEqual(
      r.sent.map((s: { kind: string }) => s.kind),
      [
        "wrong-key",
        "wrong-key",
        "empty-signature",
        "tampered-content",
        "wrong-key",
        "no-delimiter",
        "too-few-frames",
      ],
    );
    assert.deepEqual(r.early, [], "no reply on shell or control within 2 s");
    assert.deepEqual(r.before_good, [], "no reply to a bad message before the good one's");
    assert.deepEqual(r.good_reply, { msg_type: "kernel_info_reply", status: "ok" });
    assert.deepEqual(r.bad_iopub, [], "no status or output for a bad message on iopub");
    assert.equal(r.marker_exists, false, "the unsigned execute_requests did not run");
    assert.equal(r.control_marker_exists, true, "the same code, signed, does run");
    assert.equal(r.alive, true, "the badly signed shutdown_request did not stop the kernel");
    assert.deepEqual(r.after, { status: "ok", result: "42" });
    // the kernel's stderr log (not a notebook) says why each one was dropped
    assert.equal(r.log.match(/dropped a message: message with an invalid signature/g)?.length, 5);
    assert.match(r.log, /dropped a message: message without <IDS\|MSG> delimiter/);
    assert.match(r.log, /dropped a message: message with 1 parts; expected at least 4/);
  },
);

// -- 3. bound addresses -------------------------------------------------------------

interface Binding {
  ip: string;
  ports: number[];
  listening: [string, number][];
  connect: Record<string, Record<string, boolean>>;
  ss: string;
  answers: boolean;
}

const bind = memo(() => scenario("bind", tempDir("bind")) as { loopback: Binding; other: Binding });

function assertBoundTo(b: Binding, ip: string): void {
  const why = `listening: ${JSON.stringify(b.listening)}\nss -ltnp:\n${b.ss}`;
  assert.equal(b.ip, ip);
  assert.equal(b.answers, true);
  assert.deepEqual(
    b.listening,
    b.ports.map((p) => [ip, p]),
    why,
  );
  assert.ok(Object.keys(b.connect).length >= 2, JSON.stringify(b.connect));
  for (const [addr, ports] of Object.entries(b.connect)) {
    for (const [port, ok] of Object.entries(ports)) {
      assert.equal(ok, addr === ip, `connect ${addr}:${port} → ${ok}\n${why}`);
    }
  }
}

test(
  "with ip 127.0.0.1 the kernel listens on its five ports on 127.0.0.1 only",
  { timeout: 600_000 },
  () => {
    assertBoundTo(bind().loopback, "127.0.0.1");
    assert.doesNotMatch(bind().loopback.ss, /0\.0\.0\.0:\d|\*:\d|\[::\]:\d/);
  },
);

test(
  "with ip 127.0.0.2 in its connection file the kernel listens there only",
  { timeout: 600_000 },
  () => assertBoundTo(bind().other, "127.0.0.2"),
);

test("channel endpoints are the ones jupyter_client connects to", () => {
  assert.equal(channelAddress({ transport: "tcp", ip: "127.0.0.1" }, 5001), "tcp://127.0.0.1:5001");
  assert.equal(channelAddress({ transport: "ipc", ip: "/run/k-ipc" }, 3), "ipc:///run/k-ipc-3");
  const file = path.join(tempDir("transport"), "kernel.json");
  const info = {
    ip: "127.0.0.1",
    key: "k",
    shell_port: 1,
    iopub_port: 2,
    stdin_port: 3,
    control_port: 4,
    hb_port: 5,
  };
  fs.writeFileSync(file, JSON.stringify({ ...info, transport: "udp" }));
  assert.throws(
    () => readConnectionFile(file),
    (e: Error) =>
      e instanceof ConnectionFileError && /transport "udp" is not supported/.test(e.message),
  );
});

// -- 4. two kernels in one folder ----------------------------------------------------

const FILES = { "analysis.ipynb": '{"cells": []}\n', "data.csv": "x,y\n1,2\n" };

const twoKernels = memo(() => {
  const dir = tempDir("two-kernels");
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, r: scenario("two-kernels", dir) };
});

function assertTwoKernels(transport: "tcp" | "ipc"): void {
  const { dir, r: all } = twoKernels();
  const r = all[transport];
  const show = JSON.stringify(r, null, 1);
  assert.deepEqual(Object.keys(r.before), Object.keys(FILES));
  assert.notDeepEqual(r.ports.A, r.ports.B, show);
  assert.deepEqual(r.imports, { A: "6", B: "6" }, show);
  assert.deepEqual(
    r.who,
    { A: "'A'", B: "'B'", "A-again": "'A'", "A-after-B-stopped": "'A'" },
    "each kernel keeps its own state",
  );
  // a third kernel on A's endpoints gives up, and A is still reachable there
  assert.equal(r.third.exit, 2, show);
  assert.match(r.third.stderr, /^tslab-ml kernel: cannot start: /);
  assert.equal(r.fresh_client_ok, true, "a new client reaches kernel A after that");
  assert.equal(r.inodes_same, true, "A's ipc socket files were not replaced");
  // the notebook's files are untouched; nothing is left behind
  assert.deepEqual(r.after, r.before, show);
  for (const [name, text] of Object.entries(FILES)) {
    assert.equal(fs.readFileSync(path.join(dir, name), "utf8"), text);
  }
  const added = Object.keys(r.running).filter((n) => !(n in r.before));
  if (transport === "tcp") {
    assert.deepEqual(added, [], "over tcp the kernels write nothing into the folder");
    assert.deepEqual(r.running, r.before);
  } else {
    const want = [...r.ports.A, ...r.ports.B].map((p: number) => `kernel-ipc-${p}`).sort();
    assert.deepEqual(added.sort(), want, "one socket file per channel and kernel");
    assert.ok(added.every((n) => r.running[n] === "socket"));
  }
}

test(
  "two kernels in one folder (tcp) both work, write nothing there, and keep their ports",
  { timeout: 600_000 },
  () => assertTwoKernels("tcp"),
);

test(
  "two kernels in one folder (ipc) both work with their own socket files, which a third cannot take",
  { timeout: 600_000 },
  () => {
    assertTwoKernels("ipc");
    assert.match(twoKernels().r.ipc.third.stderr, /ipc endpoint kernel-ipc-\d+ is in use/);
  },
);

test(
  "a stale ipc socket file is replaced and removed at shutdown; a regular file is left alone",
  { timeout: 600_000 },
  () => {
    const r = scenario("ipc-files", tempDir("ipc-files"));
    assert.equal(r.stale_answers, true, r.stale_stderr);
    assert.equal(r.stale_exit, 0);
    assert.deepEqual(r.left_after_shutdown, []);
    assert.equal(r.regular.exit, 2);
    assert.match(r.regular.stderr, /ipc endpoint notes-\d+ exists and is not a socket/);
    assert.equal(r.regular.content, "my notes\n");
  },
);
