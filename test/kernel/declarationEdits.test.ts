/**
 * Declaration edits: the installed danfojs still has the plotly import the kernel replaces,
 * the edit removes it, and other files are left alone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { editDeclaration } from "../../kernel/declarationEdits";
import { packageDir, sharedPackageDirs } from "../../kernel/moduleHook";
import { packageRoot } from "../../kernel/paths";

const danfoTypes = path.join(
  packageDir("danfojs", packageRoot()),
  "dist/danfojs-base/shared/types.d.ts",
);

test("danfojs's shared types no longer import plotly.js's declarations", () => {
  const text = fs.readFileSync(danfoTypes, "utf8");
  assert.match(text, /from "plotly\.js-dist-min"/, "the installed danfojs still has the import");
  const edited = editDeclaration(danfoTypes, text);
  assert.doesNotMatch(edited, /plotly/);
  assert.match(edited, /type Config = any; type Layout = any;/);
  assert.equal(edited.split("\n").length, text.split("\n").length, "line numbers are kept");
});

test("other files, and files without the text, are returned unchanged", () => {
  const text = 'import { Config, Layout } from "plotly.js-dist-min";';
  assert.equal(editDeclaration("/p/node_modules/other/types.d.ts", text), text);
  assert.equal(editDeclaration(danfoTypes.replace(".d.ts", ".js"), text), text);
  assert.equal(editDeclaration(danfoTypes, "export {};"), "export {};");
  assert.equal(
    editDeclaration(danfoTypes.replace(/\//g, "\\"), text),
    "type Config = any; type Layout = any;",
  );
});

test("the packages a notebook may import without its own node_modules are all found", () => {
  const dirs = sharedPackageDirs();
  assert.deepEqual([...dirs.keys()], ["tslab-ml", "@tensorflow/tfjs", "danfojs"]);
  for (const [name, dir] of dirs) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    assert.equal(manifest.name, name);
  }
  assert.throws(() => packageDir("no-such-package-xyz", packageRoot()), /Cannot find module/);
});
