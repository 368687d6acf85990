/**
 * `npm start` serves Jupyter on notebooks/ with the "TypeScript ML" kernel
 * registered: start it on a free port, read the URL it prints, ask the
 * server's REST API for its kernelspecs, then stop it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "child_process";
import net from "net";
import path from "path";
import { jupyterArgs } from "../../kernel/start";
import { packageRoot } from "../../kernel/paths";
import { testPython } from "../helpers";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

test("jupyter arguments depend on display and user", () => {
  assert.deepEqual(
    jupyterArgs({ notebookDir: "/nb", headless: true, root: true, extra: ["--port=1"] }),
    ["-m", "notebook", "--notebook-dir=/nb", "--no-browser", "--allow-root", "--port=1"],
  );
  assert.deepEqual(jupyterArgs({ notebookDir: "/nb", headless: false, root: false, extra: [] }), [
    "-m",
    "notebook",
    "--notebook-dir=/nb",
  ]);
});

test("npm start serves Jupyter with the TypeScript ML kernel", { timeout: 180_000 }, async () => {
  testPython(); // same bootstrap; makes sure Jupyter exists before timing the start
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(packageRoot(), "dist", "kernel", "start.js"), `--port=${port}`, "--ip=127.0.0.1"],
    { env: { ...process.env, DISPLAY: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 120 s:\n${output}`)), 120_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = new RegExp(`http://127\\.0\\.0\\.1:${port}/\\S*token=(\\w+)`).exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    assert.match(output, /kernel "TypeScript ML" registered/);
    const token = new URL(url.replace("/tree?", "/?")).searchParams.get("token");
    const res = await fetch(`http://127.0.0.1:${port}/api/kernelspecs?token=${token}`);
    assert.equal(res.status, 200);
    const specs = (await res.json()) as {
      kernelspecs: Record<string, { spec: { display_name: string } }>;
    };
    assert.equal(specs.kernelspecs["tslab-ml"]?.spec.display_name, "TypeScript ML");
    const contents = await fetch(`http://127.0.0.1:${port}/api/contents?token=${token}`);
    const listing = (await contents.json()) as { content: { name: string }[] };
    assert.ok(
      listing.content.some((f) => f.name === "00-setup-check.ipynb"),
      "Jupyter serves notebooks/",
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
