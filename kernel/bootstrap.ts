/**
 * Finding (or setting up) the Python that runs Jupyter, shared by
 * `npm start`, `npm run lessons` and the integration tests.
 *
 * Behaviour, in order, stopping at the first Python that can import every
 * module asked for:
 * 1. an existing one: the project's `.venv`, the Python behind `jupyter` on
 *    PATH, `/usr/bin/python3`, `python3` / `python` on PATH;
 * 2. a project-local venv (`.venv`) with `pip install` of the packages;
 * 3. as root on Debian/Ubuntu: `apt-get update` + `apt-get install` of the
 *    Debian packages (the only way on machines without PyPI access);
 * 4. otherwise an error naming exactly what to install.
 *
 * @example
 * const py = ensurePython(JUPYTER_FOR_TESTS); // "/usr/bin/python3"
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { packageRoot } from "./paths";

/** What a task needs from Python, and where each part comes from. */
export interface PythonNeeds {
  /** Importable module names, e.g. ["notebook"]. */
  modules: string[];
  /** pip package names for a venv. */
  pip: string[];
  /** Debian package names for apt-get. */
  apt: string[];
}

/** `npm start`: a Jupyter Notebook server. */
export const JUPYTER_SERVER: PythonNeeds = {
  modules: ["notebook", "jupyter_client"],
  pip: ["notebook"],
  apt: ["jupyter-notebook", "jupyter-client"],
};

/** `npm run lessons`: executing notebooks with nbclient. */
export const JUPYTER_LESSONS: PythonNeeds = {
  modules: ["nbclient", "nbformat", "nbconvert", "jupyter_client"],
  pip: ["nbclient", "nbformat", "nbconvert", "jupyter_client"],
  apt: ["python3-nbclient", "jupyter-client", "jupyter-nbconvert"],
};

/** `npm test`: everything the integration tests use. */
export const JUPYTER_FOR_TESTS: PythonNeeds = {
  modules: [
    "notebook",
    "nbclient",
    "nbformat",
    "nbconvert",
    "jupyter_client",
    "jupyter_kernel_test",
    "h5py",
  ],
  pip: ["notebook", "nbclient", "nbconvert", "jupyter_kernel_test", "h5py"],
  apt: [
    "jupyter-notebook",
    "jupyter-client",
    "python3-nbclient",
    "jupyter-nbconvert",
    "python3-jupyter-kernel-test",
    "python3-h5py",
  ],
};

const log = (line: string) => process.stderr.write(`tslab-ml setup: ${line}\n`);

/** Can `python` import all of `modules`? */
export function hasModules(python: string, modules: string[]): boolean {
  const code = modules.map((m) => `import ${m}`).join("; ");
  const r = spawnSync(python, ["-c", code], { stdio: "ignore", timeout: 60_000 });
  return r.status === 0;
}

function which(cmd: string): string | null {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const exts = process.platform === "win32" ? [".exe", ".cmd", ".bat", ""] : [""];
  for (const d of dirs) {
    for (const e of exts) {
      const p = path.join(d, cmd + e);
      if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
    }
  }
  return null;
}

/** The interpreter named in a script's `#!` line, if any. */
function shebangPython(script: string | null): string | null {
  if (!script) return null;
  try {
    const first = fs.readFileSync(script, "utf8").split("\n", 1)[0];
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!m) return null;
    if (path.basename(m[1]) === "env" && m[2]) return which(m[2]);
    return m[1];
  } catch {
    return null;
  }
}

/** The project-local venv's interpreter path. */
export function venvPython(root = packageRoot()): string {
  return process.platform === "win32"
    ? path.join(root, ".venv", "Scripts", "python.exe")
    : path.join(root, ".venv", "bin", "python");
}

/** Existing interpreters worth trying, best first, without duplicates. */
export function candidatePythons(): string[] {
  const list = [
    venvPython(),
    shebangPython(which("jupyter")),
    "/usr/bin/python3",
    which("python3"),
    which("python"),
  ];
  const seen = new Set<string>();
  return list.filter((p): p is string => !!p && fs.existsSync(p) && !seen.has(p) && !!seen.add(p));
}

function tryVenv(needs: PythonNeeds): string | null {
  const base = which("python3") ?? which("python");
  if (!base) return null;
  const venv = path.join(packageRoot(), ".venv");
  const fresh = !fs.existsSync(venvPython());
  if (fresh) {
    log(`creating a project venv in ${venv}`);
    if (spawnSync(base, ["-m", "venv", venv], { stdio: "inherit" }).status !== 0) return null;
  }
  log(`pip install ${needs.pip.join(" ")} (into ${venv})`);
  const pip = spawnSync(
    venvPython(),
    [
      "-m",
      "pip",
      "install",
      "-q",
      "--disable-pip-version-check",
      "--retries",
      "1",
      "--timeout",
      "20",
      ...needs.pip,
    ],
    { stdio: "inherit", timeout: 15 * 60_000 },
  );
  if (pip.status === 0 && hasModules(venvPython(), needs.modules)) return venvPython();
  log("pip could not install them (no PyPI access?)");
  if (fresh) fs.rmSync(venv, { recursive: true, force: true });
  return null;
}

/**
 * As root on Debian/Ubuntu: `apt-get update` + `apt-get install -y packages`.
 * Returns false (without trying) elsewhere, or when the install fails.
 */
export function aptInstall(packages: string[]): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !fs.existsSync("/etc/debian_version") || !which("apt-get")) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  log("apt-get update");
  spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env, timeout: 15 * 60_000 });
  log(`apt-get install ${packages.join(" ")}`);
  const r = spawnSync("apt-get", ["install", "-y", "-q", ...packages], {
    stdio: "inherit",
    env,
    timeout: 30 * 60_000,
  });
  return r.status === 0;
}

function tryApt(needs: PythonNeeds): string | null {
  if (aptInstall(needs.apt) && hasModules("/usr/bin/python3", needs.modules)) {
    return "/usr/bin/python3";
  }
  return null;
}

/** A Python that imports every module in `needs`, set up if necessary; throws with instructions otherwise. */
export function ensurePython(needs: PythonNeeds): string {
  for (const py of candidatePythons()) {
    if (hasModules(py, needs.modules)) return py;
  }
  const found = tryVenv(needs) ?? tryApt(needs);
  if (found) return found;
  throw new Error(
    `tslab-ml setup: no Python with ${needs.modules.join(", ")} was found and none could be installed.\n` +
      `Install one of:\n` +
      `  pip install ${needs.pip.join(" ")}\n` +
      `  sudo apt-get install ${needs.apt.join(" ")}   (Debian/Ubuntu)\n` +
      `then run the command again.`,
  );
}

/** Where `npm start` and the lesson runner register the kernel (inside the project). */
export function localJupyterPath(root = packageRoot()): string {
  return path.join(root, ".jupyter-local", "share", "jupyter");
}
