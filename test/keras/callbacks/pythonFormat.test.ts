import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { pythonFormat, pyRepr, type FormatValue } from "../../../src/keras/format";

interface Case {
  template: string;
  values: Record<string, ["int" | "float" | "str", string]>;
  expected: string | null;
}

function fixture(): Case[] {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  const file = path.join(dir, "test", "fixtures", "python_format.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Case[];
}

const SPECIAL: Record<string, number> = { inf: Infinity, "-inf": -Infinity, nan: NaN };

function decode(values: Case["values"]): Record<string, FormatValue> {
  const out: Record<string, FormatValue> = {};
  for (const [k, [kind, text]] of Object.entries(values)) {
    out[k] =
      kind === "int" ? BigInt(text) : kind === "float" ? (SPECIAL[text] ?? Number(text)) : text;
  }
  return out;
}

test("pythonFormat matches Python's str.format on the golden cases (results and errors)", () => {
  const cases = fixture();
  assert.ok(cases.length > 2000);
  const wrong: string[] = [];
  for (const c of cases) {
    let got: string | null;
    try {
      got = pythonFormat(c.template, decode(c.values));
    } catch {
      got = null;
    }
    if (got !== c.expected) {
      wrong.push(`${c.template} ${JSON.stringify(c.values)}: got ${got} expected ${c.expected}`);
    }
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} mismatches`);
});

test("pythonFormat: unknown key lists the available keys; positional fields are refused", () => {
  assert.throws(
    () =>
      pythonFormat(
        "{val_los:.2f}",
        { epoch: 1n, loss: 0.5, val_loss: 0.4 },
        "ModelCheckpoint",
        "filepath",
      ),
    {
      name: "ValueError",
      message:
        'ModelCheckpoint: filepath "{val_los:.2f}" uses unknown key "val_los"; available: epoch, loss, val_loss',
    },
  );
  assert.throws(() => pythonFormat("{}", { epoch: 1n }), {
    message:
      'pythonFormat: template "{}": positional field {} is not supported; name a key such as {epoch}',
  });
  assert.throws(() => pythonFormat("{loss:d}", { loss: 0.5 }), {
    message: `pythonFormat: template "{loss:d}": field {loss:d}: Unknown format code 'd' for object of type 'float'`,
  });
});

test("pyRepr prints floats as Python's repr", () => {
  assert.equal(pyRepr(0.1 + 0.2), "0.30000000000000004");
  assert.equal(pyRepr(0.01 * 0.1), "0.001");
  assert.equal(pyRepr(1e-5), "1e-05");
  assert.equal(pyRepr(2), "2.0");
  assert.equal(pyRepr(1e16), "1e+16");
  assert.equal(pyRepr(-Infinity), "-inf");
});
