import { test } from "node:test";
import assert from "node:assert/strict";
import { display, format, html, newDisplayId } from "../../src/display";

test("format is pure and uses an object's own bundle", () => {
  assert.deepEqual(format(42), { "text/plain": "42" });
  assert.deepEqual(format(html("<b>x</b>")), { "text/plain": "<b>x</b>", "text/html": "<b>x</b>" });
  assert.throws(() => html(3 as unknown as string), /html: markup must be a string; got number/);
});

test("outside a kernel display prints text/plain and does not throw", (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(s));
  display(html("<i>hi</i>"));
  display({ "text/plain": "raw text", "text/html": "<p/>" }, { raw: true });
  assert.deepEqual(lines, ["<i>hi</i>", "raw text"]);
  assert.throws(() => display(1, { update: true }), /update: true needs the id/);
  assert.throws(() => display("x", { raw: true }), /with raw: true, value must be a MIME bundle/);
});

test("inside a kernel display sends one multi-MIME bundle and updates by id", () => {
  const sent: unknown[] = [];
  const key = Symbol.for("tslab-ml.kernel");
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[key] = { display: (bundle: unknown, opts: unknown) => sent.push([bundle, opts]) };
  try {
    const id = newDisplayId();
    assert.match(id, /^[0-9a-f]{16}$/);
    display(html("<p>1</p>"), { id });
    display(html("<p>2</p>"), { id, update: true });
  } finally {
    delete g[key];
  }
  assert.equal(sent.length, 2);
  const [bundle, opts] = sent[1] as [Record<string, string>, { update: boolean }];
  assert.equal(bundle["text/html"], "<p>2</p>");
  assert.equal(opts.update, true);
});
