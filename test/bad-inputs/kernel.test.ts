/**
 * The catalogue cases marked `kernel`, in one notebook run by the real kernel (one session):
 * each bad cell ends with an error output (ename, evalue, traceback) and the cell after it still
 * runs and sees every variable defined before, with the model's weights untouched (the NaN case
 * trains `base` itself, so a fit that trained on NaN would show up here).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { runNotebooks } from "../../kernel/lessons";
import { notebook, tempDir, tempJupyterPath, testPython } from "../helpers";
import { CASES, FILES, PRELUDE } from "./cases";
import { PUBLIC_NAMES } from "./run";

/** Kernel-only state the check cells print. */
const SETUP = `
const weights = () => JSON.stringify(Array.from(base.predict(X, { verbose: 0 }).dataSync()));
const before = weights();
const scaler = new StandardScaler().fit(X);
const state = { checks: 0 };
console.log("ready");
`;

const CHECK = `state.checks += 1;
console.log(\`check \${state.checks}: X \${X.length} rows, houses \${houses.shape.join("x")}, base \${base.countParams()} params, weights \${weights() === before ? "unchanged" : "CHANGED"}, mean \${JSON.stringify(scaler.mean)}\`);`;

interface Output {
  output_type: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

test(
  "bad cells fail with ename/evalue/traceback and the next cell still runs",
  { timeout: 600_000 },
  () => {
    const cases = CASES.filter((c) => c.kernel);
    assert.ok(cases.length >= 10, `${cases.length} kernel cases`);
    const dir = tempDir("bad-inputs-kernel");
    for (const [file, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, file), text);
    const cells = [
      `import { ${PUBLIC_NAMES.join(", ")} } from "tslab-ml";`,
      PRELUDE + SETUP,
      ...cases.flatMap((c) => [`{\n${c.code}\n}`, CHECK]),
    ];
    const file = path.join(dir, "bad-inputs.ipynb");
    fs.writeFileSync(file, JSON.stringify(notebook(cells)));
    const [result] = runNotebooks([file], path.join(dir, "out"), tempJupyterPath(), testPython());
    const executed = JSON.parse(fs.readFileSync(path.join(dir, "out", "bad-inputs.ipynb"), "utf8"));
    const outputs = (i: number): Output[] => executed.cells[i].outputs;
    const stdout = (i: number) =>
      outputs(i)
        .filter((o) => o.output_type === "stream")
        .map((o) => [o.text ?? ""].flat().join(""))
        .join("");

    assert.equal(result.ok, false);
    assert.equal(result.errors.length, cases.length, result.errors.join("\n"));
    assert.match(stdout(1), /^ready$/m, "the setup cell ran");
    cases.forEach((c, k) => {
      const bad = 2 + 2 * k;
      assert.equal(result.errors[k].split(":")[0], `cell ${bad}`, result.errors[k]);
      const errors = outputs(bad).filter((o) => o.output_type === "error");
      assert.equal(errors.length, 1, `${c.id}: one error output`);
      const [e] = errors;
      assert.equal(e.ename, c.name, `${c.id}: ${e.ename}: ${e.evalue}`);
      assert.match(e.evalue ?? "", c.message, c.id);
      assert.ok(Array.isArray(e.traceback) && e.traceback.length > 0, `${c.id}: a traceback`);
      assert.ok(e.traceback.join("\n").includes(e.evalue ?? "?"), `${c.id}: traceback names it`);
      assert.deepEqual(
        outputs(bad + 1).filter((o) => o.output_type === "error"),
        [],
        `${c.id}: the next cell runs`,
      );
      assert.equal(
        stdout(bad + 1),
        `check ${k + 1}: X 8 rows, houses 4x3, base 3 params, weights unchanged, mean [0.875,1.125]\n`,
        `${c.id}: the next cell sees the earlier variables`,
      );
    });
  },
);
