import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { readConnectionFile, ConnectionFileError } from "../../kernel/connection";
import { kernelMainPath } from "../../kernel/paths";
import { tempDir } from "../helpers";

const good = {
  transport: "tcp",
  ip: "127.0.0.1",
  key: "secret",
  signature_scheme: "hmac-sha256",
  shell_port: 5001,
  iopub_port: 5002,
  stdin_port: 5003,
  control_port: 5004,
  hb_port: 5005,
};

function write(content: string): string {
  const file = path.join(tempDir("conn"), "kernel.json");
  fs.writeFileSync(file, content);
  return file;
}

test("a valid connection file is read", () => {
  assert.equal(readConnectionFile(write(JSON.stringify(good))).iopub_port, 5002);
});

test("bad connection files give one-line errors naming the problem", () => {
  const cases: [string | undefined, RegExp][] = [
    [undefined, /no connection file given; expected --connection-file PATH/],
    ["/nonexistent/k.json", /cannot read connection file \/nonexistent\/k.json \(ENOENT\)/],
    [write("{not json"), /is not valid JSON/],
    [write("[1]"), /must hold a JSON object; got \[1\]/],
    [write(JSON.stringify({ ...good, hb_port: "x" })), /hb_port must be a port number; got "x"/],
    [write(JSON.stringify({ ...good, ip: "" })), /ip must be a non-empty string/],
    [
      write(JSON.stringify({ ...good, signature_scheme: "hmac-md5" })),
      /signature_scheme "hmac-md5" is not supported/,
    ],
  ];
  for (const [file, pattern] of cases) {
    assert.throws(
      () => readConnectionFile(file),
      (e: Error) => {
        assert.ok(e instanceof ConnectionFileError);
        assert.match(e.message, pattern);
        assert.ok(!e.message.includes("\n"));
        return true;
      },
    );
  }
});

test("the kernel exits with code 2 and one stderr line on a missing or malformed file", () => {
  for (const args of [
    [],
    ["--connection-file", "/nonexistent/k.json"],
    ["--connection-file", write("{")],
  ]) {
    const r = spawnSync(process.execPath, [kernelMainPath(), ...args], {
      encoding: "utf8",
      timeout: 30_000,
    });
    assert.equal(r.status, 2, `args ${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^tslab-ml kernel: /);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
  }
});
