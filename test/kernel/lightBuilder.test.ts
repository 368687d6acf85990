/**
 * The light program (kernel/lightBuilder.ts) converts every kind of cell exactly as tslab's
 * own builder does: the same JavaScript, declarations, diagnostics and side outputs for local
 * .ts/.js modules, cell after cell.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { createConverter, type ConvertResult } from "tslab/dist/converter";
import { ConverterThread } from "../../kernel/converterThread";
import { installModuleHook } from "../../kernel/moduleHook";
import { localDependencies } from "../../kernel/lightBuilder";
import { tempDir } from "../helpers";

const CELLS = [
  "const answer: number = 6 * 7;\nanswer",
  'let label = "a";\nlabel = label + answer;',
  "function twice(x: number): number {\n  return 2 * x;\n}\ninterface Point { x: number; y: number }\nclass P implements Point { constructor(public x = 1, public y = 2) {} }\nnew P().x + twice(answer)",
  "const wrong: string = answer;",
  "const broken = (;",
  'import { helper } from "./helper";\nimport { plain } from "./plain.js";\nhelper(answer) + plain',
  'const answer = "shadowed";\nanswer.length',
  "await new Promise((r) => setTimeout(r, 1));\nconst late = 1;\nlate",
  'import * as ml from "tslab-ml";\nconst shape: number[] = [ml.keras.Sequential.name.length];\nshape',
  "ml.keras.Sequential(3)",
  'type Row = { name: string };\nconst rows: Row[] = [{ name: "x" }];\nrows.map((r) => r.name)',
];

test("every kind of cell converts exactly as with tslab's builder", () => {
  const dir = tempDir("light-builder");
  fs.writeFileSync(
    path.join(dir, "helper.ts"),
    'import { base } from "./base";\nexport function helper(n: number): number {\n  return n + base;\n}\n',
  );
  fs.writeFileSync(path.join(dir, "base.ts"), "export const base: number = 100;\n");
  fs.writeFileSync(path.join(dir, "plain.js"), "exports.plain = 7;\n");
  const cwd = process.cwd();
  process.chdir(dir);
  const reference = (() => {
    installModuleHook();
    return createConverter({ isJS: false, isBrowser: false });
  })();
  const light = new ConverterThread();
  try {
    let refDecl = "";
    let lightDecl = "";
    let sideOutputs = 0;
    for (const cell of CELLS) {
      const want: ConvertResult = reference.convert(refDecl, cell);
      const got: ConvertResult = light.convert(lightDecl, cell);
      assert.deepEqual(got, want, `cell ${JSON.stringify(cell)}`);
      sideOutputs += want.sideOutputs?.length ?? 0;
      if (want.diagnostics.length === 0) {
        refDecl = want.declOutput ?? "";
        lightDecl = got.declOutput ?? "";
      }
    }
    assert.equal(sideOutputs, 3, "helper.ts, base.ts and plain.js were emitted once each");
    assert.deepEqual(
      light.complete(lightDecl, "rows.ma", 7).candidates,
      reference.complete(refDecl, "rows.ma", 7).candidates,
    );
  } finally {
    light.close();
    reference.close();
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("localDependencies follows imports of source files only, and only into the program", () => {
  const file = (fileName: string, deps: string[], isDeclarationFile = false) => ({
    fileName,
    isDeclarationFile,
    resolvedModules: {
      forEach: (cb: (r: { resolvedModule?: { resolvedFileName?: string } }) => void) =>
        deps.forEach((d) => cb({ resolvedModule: { resolvedFileName: d } })),
    },
  });
  const files = new Map(
    [
      file("/a/cell.ts", ["/a/x.ts", "/a/node_modules/p/index.d.ts", "/a/node_modules/q/q.js"]),
      file("/a/x.ts", ["/a/y.js", "/a/cell.ts"]),
      file("/a/y.js", []),
      file("/a/node_modules/p/index.d.ts", ["/a/z.ts"], true),
      file("/a/z.ts", []),
    ].map((f) => [f.fileName, f]),
  );
  const program = { getSourceFile: (n: string) => files.get(n) };
  assert.deepEqual(localDependencies(program, files.get("/a/cell.ts") as never), [
    "/a/cell.ts",
    "/a/x.ts",
    "/a/node_modules/p/index.d.ts",
    "/a/y.js",
  ]);
});
