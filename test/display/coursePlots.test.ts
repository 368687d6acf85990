/**
 * Course helpers display their figure once and return it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { format, resetPlotlySession } from "../../src/display";
import {
  dl_history_plot,
  plotActivations,
  visualization_result,
} from "../../src/display/coursePlots";
import { fakeKernel } from "./fakeKernel";

test("dl_history_plot displays the figure and returns it; as last expression it is not drawn twice", async () => {
  resetPlotlySession();
  const k = fakeKernel();
  let fig;
  try {
    fig = dl_history_plot({ loss: [1, 0.5], val_loss: [1.1, 0.6] });
  } finally {
    k.restore();
  }
  assert.equal(k.sent.length, 1);
  assert.ok("application/vnd.plotly.v1+json" in k.sent[0].bundle);
  assert.deepEqual(
    fig.data.map((t) => t.name),
    ["train_err", "val_err"],
  );
  assert.equal(k.sent[0].options.resultOf, fig, "the kernel is told the output shows fig");
  assert.ok("text/html" in format(fig), "displaying it again later draws it");
});

test("outside a kernel the helpers print one line and never throw", (t) => {
  const lines: string[] = [];
  t.mock.method(console, "log", (s: string) => lines.push(s));
  visualization_result([1, 2], [1, 2]);
  plotActivations();
  assert.deepEqual(lines, [
    'Figure "Actual vs predicted": 2 traces: scatter "samples" (2), scatter "y = x" (2)',
    'Figure "Activation functions": 5 traces: scatter "sigmoid" (101), scatter "tanh" (101), scatter "relu" (101), scatter "swish" (101), bar (4)',
  ]);
});
