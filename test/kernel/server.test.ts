import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import os from "os";
import path from "path";
import { MlZmqServer } from "../../kernel/server";
import type { MlKernelHandler } from "../../kernel/handler";

/** What the stand-in sockets saw, in order. */
const events: string[] = [];
let pendingBinds = 0;

/** A zeromq.js socket whose bind takes 30 ms and which records when receiving starts. */
class FakeSocket {
  bind(address: string): Promise<void> {
    pendingBinds++;
    return new Promise((resolve) =>
      setTimeout(() => {
        pendingBinds--;
        events.push(`bound ${address}`);
        resolve();
      }, 30),
    );
  }
  send(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {}
  [Symbol.asyncIterator](): AsyncIterator<Buffer[]> {
    events.push(`receive with ${pendingBinds} binds pending`);
    return { next: () => new Promise<IteratorResult<Buffer[]>>(() => {}) };
  }
}

class TestServer extends MlZmqServer {
  protected override zeroMq(): typeof import("zeromq") {
    return {
      Publisher: FakeSocket,
      Router: FakeSocket,
      Reply: FakeSocket,
    } as unknown as typeof import("zeromq");
  }
}

test("the kernel binds every socket before any socket receives", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tslab-ml-server-"));
  const file = path.join(dir, "kernel.json");
  const ports = { shell_port: 1, iopub_port: 2, stdin_port: 3, control_port: 4, hb_port: 5 };
  fs.writeFileSync(
    file,
    JSON.stringify({
      transport: "tcp",
      ip: "127.0.0.1",
      key: "k",
      signature_scheme: "hmac-sha256",
      ...ports,
    }),
  );
  const server = new TestServer({} as MlKernelHandler, file);
  await server.init();
  const receives = events.filter((e) => e.startsWith("receive"));
  assert.deepEqual(
    receives,
    [
      "receive with 0 binds pending",
      "receive with 0 binds pending",
      "receive with 0 binds pending",
    ],
    `shell, control and hb receive only once all five sockets are bound: ${events.join("; ")}`,
  );
  assert.equal(events.filter((e) => e.startsWith("bound")).length, 5);
  assert.equal(
    events.findIndex((e) => e.startsWith("receive")),
    5,
    "after the five binds",
  );
  fs.rmSync(dir, { recursive: true, force: true });
});
