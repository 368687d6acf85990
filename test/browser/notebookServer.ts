/**
 * A Jupyter Notebook server for the browser tests: started on a free port with a token and the
 * tslab-ml kernelspec on JUPYTER_PATH, all Jupyter state in a temporary folder, and stopped
 * (kernels first, then the server's process group).
 */
import { spawn, type ChildProcess } from "child_process";
import { randomBytes } from "crypto";
import net from "net";
import path from "path";

/** A running server. */
export interface NotebookServer {
  url: string;
  token: string;
  proc: ChildProcess;
  log: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Start `python -m notebook` serving `dir`; resolves once its API answers. */
export async function startNotebookServer(
  python: string,
  dir: string,
  jupyterPath: string,
  stateDir: string,
): Promise<NotebookServer> {
  const port = await freePort();
  const token = randomBytes(12).toString("hex");
  const env = {
    ...process.env,
    JUPYTER_PATH: jupyterPath,
    JUPYTER_CONFIG_DIR: path.join(stateDir, "config"),
    JUPYTER_RUNTIME_DIR: path.join(stateDir, "runtime"),
    JUPYTER_DATA_DIR: path.join(stateDir, "data"),
  };
  const proc = spawn(
    python,
    [
      "-m",
      "notebook",
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--NotebookApp.token=${token}`,
      `--NotebookApp.notebook_dir=${dir}`,
      ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
    ],
    { env, cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const log: string[] = [];
  proc.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  proc.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const server = { url: `http://127.0.0.1:${port}`, token, proc, log };
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    if (proc.exitCode !== null) break;
    try {
      const r = await fetch(`${server.url}/api/status?token=${token}`);
      if (r.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopNotebookServer(server);
  throw new Error(`the Jupyter Notebook server did not start:\n${log.join("").slice(-3000)}`);
}

/** Shut its kernels down, then end the server's process group. */
export async function stopNotebookServer(server: NotebookServer): Promise<void> {
  const { proc } = server;
  if (proc.exitCode !== null || proc.pid === undefined) return;
  try {
    const r = await fetch(`${server.url}/api/kernels?token=${server.token}`);
    const kernels = (await r.json()) as { id: string }[];
    for (const k of kernels) {
      await fetch(`${server.url}/api/kernels/${k.id}?token=${server.token}`, { method: "DELETE" });
    }
  } catch {
    // the server is gone already
  }
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  try {
    process.kill(-proc.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-proc.pid!, "SIGKILL");
    } catch {
      // already ended
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
