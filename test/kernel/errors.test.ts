import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDiagnostics, formatException } from "../../kernel/errors";
import { forwardPackagePath } from "../../kernel/moduleHook";
import { toMimeBundle } from "../../kernel/mimeBundle";

test("exceptions keep name and message and drop kernel frames", () => {
  const e = new RangeError("bad value");
  e.stack =
    "RangeError: bad value\n    at f (evalmachine.<anonymous>:3:9)\n    at node:internal/x:1:1\n    at Script.runInThisContext (node:vm:135:14)";
  const r = formatException(e);
  assert.equal(r.ename, "RangeError");
  assert.equal(r.evalue, "bad value");
  assert.deepEqual(r.traceback, ["RangeError: bad value", "    at f (<cell>:3:9)"]);
  assert.deepEqual(formatException("plain"), {
    ename: "Error",
    evalue: "plain",
    traceback: ["Uncaught plain"],
  });
  assert.equal(formatException(new Error("Interrupted asynchronously")).ename, "KeyboardInterrupt");
});

test("diagnostics point at line and column with a caret", () => {
  const r = formatDiagnostics(
    [
      {
        file: "",
        line: 2,
        column: 7,
        message: "Type 'number' is not assignable to type 'string'.",
      },
    ],
    "const n = 1;\nconst s: string = n;",
  );
  assert.equal(r.ename, "TypeScriptError");
  assert.equal(r.evalue, "line 2, column 7: Type 'number' is not assignable to type 'string'.");
  assert.deepEqual(r.traceback.slice(1), ["    const s: string = n;", "          ^"]);
});

test("tslab-ml under any notebook folder maps to this package", () => {
  const dirs = new Map([["tslab-ml", "/pkg"]]);
  assert.equal(
    forwardPackagePath("/nb", "/nb/node_modules/tslab-ml/package.json", dirs),
    "/pkg/package.json",
  );
  assert.equal(
    forwardPackagePath("/nb", "/nb/node_modules/tslab-mlx/a.js", dirs),
    "/nb/node_modules/tslab-mlx/a.js",
  );
  assert.equal(
    forwardPackagePath("/nb", "/other/node_modules/tslab-ml/a", dirs),
    "/other/node_modules/tslab-ml/a",
  );
});

test("execute_result bundles: own display method, plain values, bad bundles", async () => {
  const rich = {
    [Symbol.for("Jupyter.display")]: async () => ({
      "text/html": "<b>x</b>",
      "image/png": new Uint8Array([1, 2]),
    }),
  };
  const b = await toMimeBundle(rich);
  assert.equal(b["text/html"], "<b>x</b>");
  assert.equal(b["image/png"], "AQI=");
  assert.equal(typeof b["text/plain"], "string");
  assert.deepEqual(await toMimeBundle({ a: 1 }), { "text/plain": "{ a: 1 }" });
  await assert.rejects(
    toMimeBundle({ [Symbol.for("Jupyter.display")]: () => 5 }),
    /must return a MIME bundle object/,
  );
});
