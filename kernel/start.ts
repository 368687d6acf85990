#!/usr/bin/env node
/**
 * `npm start`: Jupyter with the "TypeScript ML" kernel on notebooks/.
 *
 * Behaviour: makes sure a Jupyter server exists (see bootstrap.ts), writes
 * the kernelspec into the project-local Jupyter path `.jupyter-local/` (your
 * own Jupyter setup is not touched), and starts Jupyter Notebook on
 * `notebooks/`. Without a display (no DISPLAY on Linux) it adds
 * `--no-browser`; as root it adds `--allow-root`. Extra arguments are passed
 * to Jupyter (`npm start -- --port 9999`).
 */
import { spawn } from "child_process";
import path from "path";
import { ensurePython, JUPYTER_SERVER, localJupyterPath } from "./bootstrap";
import { writeKernelspec } from "./kernelspec";
import { packageRoot } from "./paths";

/** Jupyter's command line for these conditions. */
export function jupyterArgs(opts: {
  notebookDir: string;
  headless: boolean;
  root: boolean;
  extra: string[];
}): string[] {
  const args = ["-m", "notebook", `--notebook-dir=${opts.notebookDir}`];
  if (opts.headless) args.push("--no-browser");
  if (opts.root) args.push("--allow-root");
  return [...args, ...opts.extra];
}

function main(): void {
  const root = packageRoot();
  let python: string;
  try {
    python = ensurePython(JUPYTER_SERVER);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const jupyterPath = localJupyterPath(root);
  const spec = writeKernelspec(jupyterPath);
  console.log(`tslab-ml: kernel "TypeScript ML" registered in ${spec}`);
  const headless =
    process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const args = jupyterArgs({
    notebookDir: path.join(root, "notebooks"),
    headless,
    root: typeof process.getuid === "function" && process.getuid() === 0,
    extra: process.argv.slice(2),
  });
  const env = { ...process.env };
  env.JUPYTER_PATH = [jupyterPath, env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  console.log(
    `tslab-ml: starting Jupyter (${python} ${args.join(" ")}); open the URL it prints below`,
  );
  const child = spawn(python, args, { stdio: "inherit", env });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (require.main === module) main();
