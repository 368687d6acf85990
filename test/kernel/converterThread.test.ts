/**
 * The compiler thread: tslab's converter answers synchronously from a worker, errors come
 * back as errors, a stopped thread says to restart, and the warm-up runs only when idle.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ConverterThread } from "../../kernel/converterThread";
import { Converters, WARM_UP_CELL } from "../../kernel/converters";

test("convert, complete and inspect answer synchronously from the worker, in order", () => {
  const c = new ConverterThread();
  try {
    const first = c.convert("", "const answer: number = 6 * 7;\nanswer");
    assert.deepEqual(first.diagnostics, []);
    assert.match(first.output ?? "", /answer = 6 \* 7/);
    assert.match(first.declOutput ?? "", /answer: number/);
    const bad = c.convert(first.declOutput ?? "", "const s: string = answer;");
    assert.equal(bad.diagnostics.length, 1);
    assert.match(bad.diagnostics[0].messageText, /'number' is not assignable to type 'string'/);
    const done = c.complete(first.declOutput ?? "", "answer.toFix", 12);
    assert.ok(done.candidates.includes("toFixed"), JSON.stringify(done.candidates));
    const info = c.inspect(first.declOutput ?? "", "answer", 2);
    assert.match(info.displayParts?.map((p) => p.text).join("") ?? "", /const answer: number/);
  } finally {
    c.close();
  }
});

test("an error thrown in the worker is thrown in the caller; a closed thread says to restart", () => {
  const c = new ConverterThread();
  const call = (c as unknown as { call(op: string, args: unknown[]): unknown }).call.bind(c);
  assert.throws(() => call("format", []), /unknown operation "format"/);
  assert.equal(c.convert("", "1 + 1").diagnostics.length, 0, "the thread goes on after an error");
  c.close();
  assert.throws(() => c.convert("", "1 + 1"), /has stopped.*Restart the kernel/s);
});

test("the warm-up runs when nothing is waiting, and is skipped when a cell came first", async () => {
  const idle = new ConverterThread({ warmUp: WARM_UP_CELL });
  const busy = new ConverterThread({ warmUp: WARM_UP_CELL });
  try {
    assert.deepEqual(busy.convert("", "2 + 2").diagnostics, []);
    assert.equal(busy.warmedUp, false);
    for (let i = 0; i < 600 && !idle.warmedUp; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(idle.warmedUp, true, "warm-up finished within 60 s");
    const r = idle.convert("", `${WARM_UP_CELL}\nml.keras.Sequential.name`);
    assert.deepEqual(r.diagnostics, []);
  } finally {
    idle.close();
    busy.close();
  }
});

test("Converters keeps one thread per mode and closes both", () => {
  const set = new Converters();
  assert.equal(set.node, set.node);
  assert.notEqual(set.node, set.browser);
  assert.match(set.browser.convert("", "document.title").output ?? "", /document\.title/);
  set.close();
  assert.throws(() => set.node.convert("", "1"), /has stopped/);
});
