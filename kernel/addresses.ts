/**
 * The ZeroMQ endpoints a kernel binds, exactly those its connection file
 * names.
 *
 * Behaviour: tcp gives `tcp://IP:PORT` — only that interface, so with
 * 127.0.0.1 the kernel is reachable from this machine only (0.0.0.0 or `*`
 * means every interface, when the file asks for it). ipc gives
 * `ipc://IP-PORT`, a socket file (IP is a path; a relative one is relative
 * to the kernel's folder), the same endpoint jupyter_client connects to
 * (tslab built `ipc://IP:PORT`, which no client uses).
 *
 * Binding an ipc endpoint makes libzmq delete whatever file is at that path,
 * which would silently take the endpoint away from a kernel already serving
 * it (for tcp, a taken port simply fails to bind). So before binding,
 * `checkIpcEndpoints` refuses a path that is a live socket (another process
 * accepts connections there) or that is not a socket at all (someone's
 * file); a stale socket file left by a killed kernel may be replaced. At
 * shutdown, `removeIpcEndpoints` deletes the kernel's own socket files.
 *
 * @example
 * channelAddress({ transport: "tcp", ip: "127.0.0.1" }, 5001); // "tcp://127.0.0.1:5001"
 * channelAddress({ transport: "ipc", ip: "kernel-ipc" }, 3); // "ipc://kernel-ipc-3"
 */
import fs from "fs";
import net from "net";
import type { ConnectionInfo } from "./connection";

type Endpoint = Pick<ConnectionInfo, "transport" | "ip">;

/** The endpoint of the channel on `port`. */
export function channelAddress(info: Endpoint, port: number): string {
  if (info.transport === "ipc") return `ipc://${ipcPath(info, port)}`;
  return `${info.transport}://${info.ip}:${port}`;
}

/** The socket file of an ipc channel. */
export function ipcPath(info: Endpoint, port: number): string {
  return `${info.ip}-${port}`;
}

/** Throws if binding any of these ipc channels would take a path away from its owner. */
export async function checkIpcEndpoints(info: Endpoint, ports: number[]): Promise<void> {
  if (info.transport !== "ipc") return;
  for (const port of ports) {
    const file = ipcPath(info, port);
    if (file.startsWith("@")) continue; // Linux abstract socket: no file
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue; // nothing there
    }
    if (!stat.isSocket()) {
      throw new Error(`ipc endpoint ${file} exists and is not a socket; it is left alone`);
    }
    if (await accepts(file)) {
      throw new Error(`ipc endpoint ${file} is in use by another process (another kernel?)`);
    }
  }
}

/** Does a process accept connections on the unix socket `file`? */
function accepts(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ path: file });
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false)); // ECONNREFUSED: a stale file
  });
}

/** Delete the socket files of these ipc channels (at shutdown, after the sockets closed). */
export function removeIpcEndpoints(info: Endpoint, ports: number[]): void {
  if (info.transport !== "ipc") return;
  for (const port of ports) {
    const file = ipcPath(info, port);
    try {
      if (!file.startsWith("@") && fs.lstatSync(file).isSocket()) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
