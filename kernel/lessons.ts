#!/usr/bin/env node
/**
 * `npm run lessons [-- NOTEBOOK…]`: execute the lesson notebooks through the
 * "TypeScript ML" kernel with nbclient.
 *
 * Behaviour: sets up Python/nbclient if needed (bootstrap.ts), registers the
 * kernel in the project-local Jupyter path, runs every `notebooks/*.ipynb`
 * (or the notebooks named) in order, writes the executed copies and an HTML
 * export of each to `notebooks/_build/`, prints one line per notebook and the
 * total time, and exits non-zero if any cell failed or produced an error output.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { ensurePython, JUPYTER_LESSONS, localJupyterPath } from "./bootstrap";
import { writeKernelspec } from "./kernelspec";
import { packageRoot } from "./paths";

/** One executed notebook as the runner reports it. */
export interface LessonResult {
  notebook: string;
  ok: boolean;
  seconds: number;
  errors: string[];
  /** The HTML export beside the executed copy (null when nbconvert is missing). */
  html: string | null;
}

/** The lesson notebooks in run order. */
export function lessonNotebooks(dir = path.join(packageRoot(), "notebooks")): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Execute `notebooks` with the kernelspec found in `jupyterPath`; the
 * executed copies go to `outDir`. Returns one result per notebook.
 */
export function runNotebooks(
  notebooks: string[],
  outDir: string,
  jupyterPath: string,
  python = ensurePython(JUPYTER_LESSONS),
): LessonResult[] {
  const script = path.join(packageRoot(), "kernel", "py", "run_notebooks.py");
  const env = { ...process.env };
  env.JUPYTER_PATH = [jupyterPath, env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  const r = spawnSync(python, [script, outDir, ...notebooks], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const results = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LessonResult);
  if (results.length !== notebooks.length) {
    throw new Error(
      `lessons: the notebook runner stopped early (exit ${r.status}); ${results.length} of ${notebooks.length} notebooks reported`,
    );
  }
  return results;
}

function main(): void {
  const root = packageRoot();
  const args = process.argv.slice(2);
  const notebooks = args.length ? args.map((a) => path.resolve(a)) : lessonNotebooks();
  const jupyterPath = localJupyterPath(root);
  writeKernelspec(jupyterPath);
  const results = runNotebooks(notebooks, path.join(root, "notebooks", "_build"), jupyterPath);
  for (const r of results) {
    console.log(`${r.ok ? "ok  " : "FAIL"} ${r.notebook} (${r.seconds} s)`);
    for (const e of r.errors) console.log(`     ${e}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  console.log(
    `${results.length - failed} passed, ${failed} failed in ${total.toFixed(1)} s; executed copies and HTML in notebooks/_build/`,
  );
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
