/**
 * Reading and checking the connection file Jupyter passes to a kernel.
 *
 * Behaviour: returns the parsed file, or throws a `ConnectionFileError` whose
 * message is one line naming the file and what is wrong with it. `main.ts`
 * prints that line and exits with code 2 (no stack dump).
 *
 * @example
 * readConnectionFile("/tmp/kernel-1.json").shell_port; // 53794
 */
import fs from "fs";

/** The fields of a Jupyter connection file that the kernel uses. */
export interface ConnectionInfo {
  transport: string;
  ip: string;
  key: string;
  signature_scheme: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
}

/** A missing, unreadable or malformed connection file. */
export class ConnectionFileError extends Error {
  override name = "ConnectionFileError";
}

const PORTS = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"] as const;

/** Parse and validate the connection file at `file`. */
export function readConnectionFile(file: string | undefined): ConnectionInfo {
  if (!file) {
    throw new ConnectionFileError(
      "tslab-ml kernel: no connection file given; expected --connection-file PATH (Jupyter passes {connection_file})",
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new ConnectionFileError(`tslab-ml kernel: cannot read connection file ${file} (${code})`);
  }
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(text);
  } catch (e) {
    throw new ConnectionFileError(
      `tslab-ml kernel: connection file ${file} is not valid JSON (${(e as Error).message})`,
    );
  }
  if (info === null || typeof info !== "object" || Array.isArray(info)) {
    throw new ConnectionFileError(
      `tslab-ml kernel: connection file ${file} must hold a JSON object; got ${JSON.stringify(info)}`,
    );
  }
  for (const port of PORTS) {
    const v = info[port];
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 65535) {
      throw new ConnectionFileError(
        `tslab-ml kernel: connection file ${file}: ${port} must be a port number; got ${JSON.stringify(v)}`,
      );
    }
  }
  for (const key of ["ip", "transport"] as const) {
    if (typeof info[key] !== "string" || info[key] === "") {
      throw new ConnectionFileError(
        `tslab-ml kernel: connection file ${file}: ${key} must be a non-empty string; got ${JSON.stringify(info[key])}`,
      );
    }
  }
  if (info.transport !== "tcp" && info.transport !== "ipc") {
    throw new ConnectionFileError(
      `tslab-ml kernel: connection file ${file}: transport ${JSON.stringify(info.transport)} is not supported; expected "tcp" or "ipc"`,
    );
  }
  if (typeof info.key !== "string") {
    throw new ConnectionFileError(
      `tslab-ml kernel: connection file ${file}: key must be a string; got ${JSON.stringify(info.key)}`,
    );
  }
  const scheme = info.signature_scheme ?? "hmac-sha256";
  if (scheme !== "hmac-sha256") {
    throw new ConnectionFileError(
      `tslab-ml kernel: connection file ${file}: signature_scheme ${JSON.stringify(scheme)} is not supported; expected "hmac-sha256"`,
    );
  }
  return { ...(info as unknown as ConnectionInfo), signature_scheme: "hmac-sha256" };
}
