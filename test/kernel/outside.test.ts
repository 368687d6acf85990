/**
 * `import { … } from "tslab-ml"` type-checks and runs in a notebook in a
 * folder outside the repository (no node_modules anywhere above it), for
 * every public name of the package.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { runNotebooks } from "../../kernel/lessons";
import { packageRoot } from "../../kernel/paths";
import { notebook, tempDir, tempJupyterPath, testPython } from "../helpers";
import * as api from "../../src/index";

/** Every exported name of src/index.ts: values from the module, types from its source. */
function publicNames(): { values: string[]; types: string[] } {
  const values = Object.keys(api).filter((k) => k !== "__esModule");
  const source = fs.readFileSync(path.join(packageRoot(), "src", "index.ts"), "utf8");
  const types = [...source.matchAll(/\btype\s+([A-Z]\w*)/g)].map((m) => m[1]);
  return { values, types };
}

test(
  "every public name imports and type-checks from a notebook outside the repository",
  { timeout: 300_000 },
  () => {
    const { values, types } = publicNames();
    assert.ok(values.length >= 8, `too few public values: ${values.join(", ")}`);
    assert.ok(types.length >= 3, `too few public types: ${types.join(", ")}`);
    const dir = tempDir("outside");
    for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
      assert.ok(
        !fs.existsSync(path.join(d, "node_modules", "tslab-ml")),
        `${d} has node_modules/tslab-ml`,
      );
    }
    const file = path.join(dir, "outside.ipynb");
    const cells = [
      // tf works in the very cell that imports tslab-ml (cpu serves it while wasm compiles)
      `import { ${values.join(", ")} } from "tslab-ml";\nimport type { ${types.join(", ")} } from "tslab-ml";\nconst firstCell = tf.tensor1d([1, 2, 3]).sum().arraySync();\nconsole.log("first cell: " + firstCell);`,
      `const names: unknown[] = [${values.join(", ")}];\nconst missing = names.filter((v) => v === undefined).length;\nif (missing) throw new Error(missing + " public names are undefined");\nconsole.log("imported " + names.length + " values");`,
      `const info: BackendInfo = await ready();\nconst t: tf.Tensor = tf.tensor1d([1, 2, 3]).square();\nconsole.log(info.name, JSON.stringify(t.arraySync()));`,
      `import * as tfDirect from "@tensorflow/tfjs";\nconsole.log("same engine: " + (tfDirect.engine() === tf.engine()));`,
      `const km = keras.Sequential([keras.Input({ shape: [2] }), keras.layers.Dense(1)]);\nawait km.save("m.keras");\nconst kr = await keras.models.loadModel("m.keras");\nconsole.log("keras file: " + kr.countParams() + " params");`,
      `const bad: number = "not a number";`,
    ];
    fs.writeFileSync(file, JSON.stringify(notebook(cells)));
    const [result] = runNotebooks([file], path.join(dir, "out"), tempJupyterPath(), testPython());
    const executed = JSON.parse(fs.readFileSync(path.join(dir, "out", "outside.ipynb"), "utf8"));
    const text = (i: number) =>
      executed.cells[i].outputs
        .map((o: { text?: string | string[] }) => [o.text ?? ""].flat().join(""))
        .join("");
    assert.match(text(0), /^first cell: 6$/m);
    assert.match(text(1), new RegExp(`imported ${values.length} values`));
    assert.match(text(2), /^(wasm|cpu|tensorflow) \[1,4,9\]$/m);
    assert.match(text(3), /^same engine: true$/m);
    // h5wasm (an ES module) loads from the installed package inside the kernel
    assert.match(text(4), /^keras file: 3 params$/m);
    // the last cell proves that type checking is on: exactly that cell fails, with a TypeScript error
    assert.deepEqual(result.errors, [
      "cell 5: TypeScriptError: line 1, column 7: Type 'string' is not assignable to type 'number'.",
    ]);
  },
);
