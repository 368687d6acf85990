/**
 * The README's "Keras in TypeScript" code blocks, run as written (imports from "tslab-ml" go to
 * this package) and type-checked against the package's sources.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import os from "os";
import path from "path";
import ts from "typescript";
import * as keras from "../../src/keras";
import { tempDir } from "../helpers";
import { backendReady } from "./setup";

before(backendReady);

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/** The ```ts blocks of the README section "Keras in TypeScript". */
function readmeBlocks(): string[] {
  const readme = fs.readFileSync(path.join(repoRoot(), "README.md"), "utf8");
  const start = readme.indexOf("## Keras in TypeScript");
  assert.ok(start >= 0, "README has the section");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Runs a notebook-style block (imports from "tslab-ml", top-level await); returns `names`. */
async function run(code: string, names: string[]): Promise<Record<string, unknown>> {
  const pkg = path.join(repoRoot(), "dist", "src", "index.js");
  const body = code.replace(
    /^import \{([^}]*)\} from "tslab-ml";$/gm,
    (_, list: string) => `const {${list}} = require(${JSON.stringify(pkg)});`,
  );
  const js = ts.transpileModule(
    `async function __cell() {\n${body}\nreturn { ${names.join(", ")} };\n}`,
    { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } },
  ).outputText;
  const cell = new Function("require", `${js}\nreturn __cell();`) as (
    r: NodeJS.Require,
  ) => Promise<Record<string, unknown>>;
  return cell(require);
}

test("README: the Sequential / fit / EarlyStopping / save / loadModel example runs", async (t) => {
  const [example] = readmeBlocks();
  const cwd = process.cwd();
  process.chdir(tempDir("readme"));
  t.after(() => process.chdir(cwd));
  t.mock.method(console, "log", () => undefined);
  const out = await run(example, ["model", "again", "history"]);
  const model = out.model as keras.KerasModel;
  const again = out.again as keras.KerasModel;
  const history = out.history as keras.History;
  assert.ok(history.history.val_accuracy.length >= 1);
  assert.deepEqual(Object.keys(history.history), ["accuracy", "loss", "val_accuracy", "val_loss"]);
  assert.equal(again.countParams(), model.countParams());
  assert.equal(model.countParams(), 8 * 16 + 16 + 16 + 1);
  assert.ok(fs.existsSync(path.join("models", "clf", "model.json")));
});

test("README: the custom layer example (subclass of tf.layers.Layer) runs and counts 7 params", async () => {
  const blocks = readmeBlocks();
  assert.equal(blocks.length, 2);
  const { scaled } = await run(blocks[1], ["scaled"]);
  const model = scaled as keras.SequentialModel;
  assert.equal(model.countParams(), 7);
  assert.equal(model.layers[0].getClassName(), "Scale");
  model.compile({ optimizer: "sgd", loss: "mse" });
  const h = await model.fit([[1, 2, 3]], [1], { epochs: 1, verbose: 0 });
  assert.equal(h.history.loss.length, 1);
});

test("README: the Keras examples type-check against the package", () => {
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tslab-ml-readme-tc-"));
  const files = readmeBlocks().map((code, i) => {
    const file = path.join(dir, `block${i}.ts`);
    fs.writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noImplicitOverride: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    typeRoots: [path.join(root, "node_modules", "@types")],
    baseUrl: root,
    paths: { "tslab-ml": [path.join(root, "src", "index.ts")] },
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(errors, []);
});
