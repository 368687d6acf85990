"""Golden results of Python's str.format for tslab-ml's pythonFormat (ModelCheckpoint file names).

Run with Debian's Python:
    /usr/bin/python3 scripts/golden/python_format.py
Writes test/fixtures/python_format.json: a list of cases {template, values, expected} where
values maps a name to [kind, text] (kind "int", "float" or "str"; floats as repr so that nan,
inf and every bit survive JSON), and expected is the formatted string or null when Python
raises (ValueError, KeyError, IndexError). The file is then laid out with the repository's
prettier (`npx prettier --write`), as the format check of `npm test` expects.
"""
import json
import os
import random
import subprocess

random.seed(20241123)

FLOATS = [0.0, -0.0, 0.5, 1.0, -1.0, 0.125, 0.375, 2.5, 3.5, 0.48812, 0.51234, 1e-05, 1.5e-07,
          123.456, 9.995, 99.995, 0.0001, 1e16, 1.2345678901234567e17, 1e22, 12345.6789,
          -0.000123, 0.1, 0.2 + 0.1, 2.0 / 3.0, 1e-300, 5e-324, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 1234567.0, 0.00015, 1.5, 25.0]
FLOATS += [random.uniform(-10, 10) for _ in range(5)]
FLOATS += [10 ** random.uniform(-9, 18) for _ in range(5)]

FLOAT_SPECS = ["", ".2f", ".4f", ".0f", ".5f", "f", ".2e", ".4e", "e", "E", ".3g", "g", ".10g",
               "G", ".3", ".1", ".12", "%", ".1%", ">10.3f", "<10.3f", "^11.2f", "*>12.4e",
               "+.3f", " .3f", "010.3f", "+010.2f", "=+10.2f", "012,.2f", ",.2f", "_.3f",
               "#.0f", "#.3g", "#g", "z.2f", ".0e", ".0g", ".0", "n", ".3n", "F", ".2F", "8",
               "-^9.1f", "x<8g", "#.0e", "015,.3f", "0=12.1e"]
INTS = [0, 1, 3, 7, 12, 100, 255, -42, 1234567, -9876543210]
INT_SPECS = ["", "s", "d", "02d", "03d", "05d", ">4d", "<4d", "^5d", "+d", " d", ",d", "_d", "08,d",
             "09,d", "010,d", "x", "#x", "X", "#X", "o", "#o", "b", "#b", "_b", "#010x", ".2f",
             "e", ".3g", "%", "n", "c", "=+6d", "*^7"]
STRS = ["adam", "x", ""]
STR_SPECS = ["", "s", ">6", "<6s", "^7", ".2", "*^8.3", "05"]

cases = []


def run(template, values):
    kinds = {}
    for k, v in values.items():
        if isinstance(v, bool):
            raise TypeError(k)
        if isinstance(v, int):
            kinds[k] = ["int", str(v)]
        elif isinstance(v, float):
            kinds[k] = ["float", repr(v)]
        else:
            kinds[k] = ["str", v]
    try:
        expected = template.format(**values)
    except (ValueError, KeyError, IndexError):
        expected = None
    cases.append({"template": template, "values": kinds, "expected": expected})


for x in FLOATS:
    for spec in FLOAT_SPECS:
        run("{v:" + spec + "}" if spec else "{v}", {"v": x})
for n in INTS:
    for spec in INT_SPECS:
        if spec == "c" and not 0 <= n < 0x110000:
            continue
        run("{v:" + spec + "}" if spec else "{v}", {"v": n})
for s in STRS:
    for spec in STR_SPECS:
        run("{v:" + spec + "}" if spec else "{v}", {"v": s})

# Whole templates as ModelCheckpoint uses them, and malformed ones.
logs = {"epoch": 3, "loss": 0.51234, "val_loss": 0.48812, "accuracy": 0.9712}
for t in ["model-{epoch:02d}-{val_loss:.2f}", "ckpt/{epoch:03d}_{loss:.4f}.weights",
          "{{literal}} {epoch}", "a}}b{{c", "{epoch!r}-{loss!s}-{accuracy!r:>12}",
          "{loss:d}", "{epoch:.2d}", "{", "}", "x{epoch", "{epoch!x}", "{accuracy:,.1%}",
          "best.model", "{val_loss:10.3e}|{epoch:<4}|"]:
    run(t, logs)
run("{name!r} {name!s:>8}", {"name": "it's"})

out = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "python_format.json")
with open(out, "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
root = os.path.join(os.path.dirname(__file__), "..", "..")
subprocess.run(["npx", "prettier", "--write", os.path.normpath(out)], cwd=root, check=True)
print(f"{len(cases)} cases -> {os.path.normpath(out)}")
