/**
 * Running the README's code blocks as a notebook would: the ```ts blocks of one section, with
 * `import … from "tslab-ml"` pointed at this package and top-level await allowed, plus a type
 * check of those blocks against the package's sources.
 *
 * @example
 * const [block] = readmeBlocks("## Keras in TypeScript");
 * const { model } = await runBlock(block, ["model"]);
 */
import assert from "node:assert/strict";
import fs from "fs";
import os from "os";
import path from "path";
import ts from "typescript";

/** The repository root (the folder with package.json). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/** The ```ts blocks of the README section whose heading line is `heading`. */
export function readmeBlocks(heading: string): string[] {
  const readme = fs.readFileSync(path.join(repoRoot(), "README.md"), "utf8");
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has the section ${heading}`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Runs a notebook-style block (imports from "tslab-ml", top-level await); returns `names`. */
export async function runBlock(code: string, names: string[]): Promise<Record<string, unknown>> {
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

/** Type errors of `blocks`, each compiled as its own module against the package's sources. */
export function typeErrors(blocks: string[]): string[] {
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tslab-ml-readme-tc-"));
  const files = blocks.map((code, i) => {
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
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
