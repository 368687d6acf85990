/**
 * Jupyter's data directories, computed without Python (as jupyter_core does).
 *
 * Behaviour: `JUPYTER_DATA_DIR` wins; otherwise Linux uses
 * `$XDG_DATA_HOME/jupyter` (default `~/.local/share/jupyter`), macOS
 * `~/Library/Jupyter` and Windows `%APPDATA%\jupyter`.
 *
 * @example
 * userDataDir({ platform: "linux", env: { HOME: "/home/a" }, home: "/home/a" });
 * // "/home/a/.local/share/jupyter"
 */
import os from "os";
import path from "path";

/** Inputs of the computation (tests pass their own). */
export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const current = (): PlatformInfo => ({
  platform: process.platform,
  env: process.env,
  home: os.homedir(),
});

/** The per-user Jupyter data directory. */
export function userDataDir(p: PlatformInfo = current()): string {
  const join = p.platform === "win32" ? path.win32.join : path.posix.join;
  if (p.env.JUPYTER_DATA_DIR) return p.env.JUPYTER_DATA_DIR;
  if (p.platform === "darwin") return join(p.home, "Library", "Jupyter");
  if (p.platform === "win32") {
    const appData = p.env.APPDATA ?? join(p.home, "AppData", "Roaming");
    return join(appData, "jupyter");
  }
  const xdg = p.env.XDG_DATA_HOME || join(p.home, ".local", "share");
  return join(xdg, "jupyter");
}

/** `{prefix}/share/jupyter`, where `--prefix` and `--sys-prefix` install. */
export function prefixDataDir(prefix: string): string {
  return path.join(prefix, "share", "jupyter");
}
