import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { userDataDir } from "../../kernel/jupyterPaths";
import { installTarget } from "../../kernel/install";
import { kernelJson, writeKernelspec } from "../../kernel/kernelspec";
import { kernelMainPath } from "../../kernel/paths";
import { tempDir } from "../helpers";

test("the per-user Jupyter data dir follows jupyter_core on each platform", () => {
  assert.equal(
    userDataDir({ platform: "linux", env: {}, home: "/home/a" }),
    "/home/a/.local/share/jupyter",
  );
  assert.equal(
    userDataDir({ platform: "linux", env: { XDG_DATA_HOME: "/x" }, home: "/home/a" }),
    "/x/jupyter",
  );
  assert.equal(
    userDataDir({ platform: "darwin", env: {}, home: "/Users/a" }),
    "/Users/a/Library/Jupyter",
  );
  assert.equal(
    userDataDir({
      platform: "win32",
      env: { APPDATA: "C:\\Users\\a\\AppData\\Roaming" },
      home: "C:\\Users\\a",
    }),
    "C:\\Users\\a\\AppData\\Roaming\\jupyter",
  );
  assert.equal(
    userDataDir({ platform: "darwin", env: { JUPYTER_DATA_DIR: "/j" }, home: "/Users/a" }),
    "/j",
  );
});

test("install options choose the target folder", () => {
  assert.equal(installTarget(["--prefix", "/opt/x"]), path.join("/opt/x", "share", "jupyter"));
  assert.equal(installTarget(["--prefix=/opt/y"]), path.join("/opt/y", "share", "jupyter"));
  assert.equal(
    installTarget(["--sys-prefix"], { VIRTUAL_ENV: "/venv" }),
    path.join("/venv", "share", "jupyter"),
  );
  assert.equal(installTarget([]), userDataDir());
  assert.throws(
    () => installTarget(["--sys-prefix"], {}),
    /--sys-prefix needs an active Python environment/,
  );
  assert.throws(
    () => installTarget(["--bogus"]),
    /unknown option --bogus; expected --user, --prefix DIR or --sys-prefix/,
  );
  assert.throws(() => installTarget(["--user", "--prefix", "/a"]), /give only one of/);
  assert.throws(() => installTarget(["--prefix"]), /--prefix needs a folder/);
});

test("the kernelspec is written twice harmlessly and starts this kernel", () => {
  const dataDir = tempDir("spec");
  const dir = writeKernelspec(dataDir);
  const first = fs.readFileSync(path.join(dir, "kernel.json"), "utf8");
  writeKernelspec(dataDir);
  assert.equal(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"), first);
  const spec = JSON.parse(first);
  assert.equal(spec.display_name, "TypeScript ML");
  assert.equal(spec.language, "typescript");
  assert.equal(spec.interrupt_mode, "signal");
  assert.deepEqual(spec.argv, [
    process.execPath,
    kernelMainPath(),
    "--connection-file",
    "{connection_file}",
  ]);
  assert.deepEqual(kernelJson(), spec);
  assert.deepEqual(fs.readdirSync(dir).sort(), [
    "kernel.json",
    "logo-32x32.png",
    "logo-64x64.png",
    "logo-svg.svg",
  ]);
  assert.ok(fs.existsSync(kernelMainPath()));
});

test("an unwritable target gives an error naming the folder and the fix", () => {
  const file = path.join(tempDir("ro"), "not-a-dir");
  fs.writeFileSync(file, "");
  assert.throws(
    () => writeKernelspec(file),
    /cannot write the kernelspec to .*not-a-dir.*--prefix DIR or set JUPYTER_DATA_DIR/,
  );
});
