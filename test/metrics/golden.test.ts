import { test } from "node:test";
import assert from "node:assert/strict";
import * as m from "../../src/metrics";
import { assertClose, loadGolden } from "../fixtures/sklearn/golden";

interface Call {
  fn: string;
  options: Record<string, unknown>;
  value: unknown;
  warnings: string[];
}
interface Golden {
  regression: Array<Record<string, unknown> & { name: string; yTrue: number[]; yPred: number[] }>;
  classification: Array<{ name: string; yTrue: number[]; yPred: number[]; calls: Call[] }>;
  roc: Array<{
    name: string;
    yTrue: number[];
    yScore: number[];
    options: m.RocCurveOptions;
    fpr: number[];
    tpr: number[];
    thresholds: number[];
    warnings: string[];
    rocAucScore?: number;
  }>;
}

const golden = loadGolden<Golden>("metrics.json");
type Fn = (a: number[], b: number[], o?: object) => unknown;
const fns = m as unknown as Record<string, Fn>;

/** scikit-learn's warning text, with our option's name and the category in front. */
function ours(warnings: string[]): string[] {
  return warnings.map(
    (w) =>
      "UndefinedMetricWarning: " +
      w.replace("`zero_division` parameter", "the `zeroDivision` option"),
  );
}

function capture(t: { mock: { method: (o: object, k: string, f: (s: string) => void) => void } }) {
  const warned: string[] = [];
  t.mock.method(console, "warn", (s: string) => warned.push(s));
  return warned;
}

test("regression metrics equal scikit-learn 1.2", (t) => {
  const warned = capture(t);
  for (const c of golden.regression) {
    for (const name of [
      "meanSquaredError",
      "rootMeanSquaredError",
      "meanAbsoluteError",
      "meanAbsolutePercentageError",
      "r2Score",
    ]) {
      warned.length = 0;
      const exp = c[name] as { value: number; warnings: string[] };
      assertClose(fns[name](c.yTrue, c.yPred), exp.value, 1e-6, `${c.name} ${name}`);
      assert.deepEqual(warned, ours(exp.warnings), `${c.name} ${name} warnings`);
    }
  }
});

test("classification metrics, confusion matrices and reports equal scikit-learn 1.2", (t) => {
  const warned = capture(t);
  let checked = 0;
  for (const c of golden.classification) {
    for (const call of c.calls) {
      warned.length = 0;
      const where = `${c.name} ${call.fn} ${JSON.stringify(call.options)}`;
      const got = fns[call.fn](c.yTrue, c.yPred, call.options);
      if (call.fn === "classificationReport" && !call.options.outputDict)
        assert.equal(String(got), call.value, where);
      else assertClose(got, call.value, 1e-6, where);
      assert.deepEqual(warned, ours(call.warnings), `${where} warnings`);
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} calls checked`);
});

test("rocCurve and rocAucScore equal scikit-learn 1.2 (thresholds[0] is Infinity)", (t) => {
  const warned = capture(t);
  for (const c of golden.roc) {
    warned.length = 0;
    const r = m.rocCurve(c.yTrue, c.yScore, c.options);
    assertClose(r.fpr, c.fpr, 1e-6, `${c.name} fpr`);
    assertClose(r.tpr, c.tpr, 1e-6, `${c.name} tpr`);
    // scikit-learn 1.2 puts max(yScore) + 1 first; 1.3 and later (and we) put Infinity.
    assert.equal(r.thresholds[0], Infinity);
    assertClose(r.thresholds.slice(1), c.thresholds.slice(1), 1e-6, `${c.name} thresholds`);
    assert.deepEqual(warned, ours(c.warnings), `${c.name} warnings`);
    if (c.rocAucScore !== undefined)
      assertClose(m.rocAucScore(c.yTrue, c.yScore), c.rocAucScore, 1e-6, `${c.name} auc`);
  }
});
