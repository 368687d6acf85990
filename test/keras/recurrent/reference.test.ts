import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { GRU, LSTM, SimpleRNN } from "../../../src/keras/layers/recurrent";
import { assertClose, backendReady, referenceCases, type ReferenceCase } from "./helpers";

before(backendReady);

const FACTORIES = { SimpleRNN, LSTM, GRU } as const;

function label(c: ReferenceCase): string {
  return `${c.layer}(${c.units}, ${JSON.stringify(c.options)})`;
}

/** Builds the layer, loads the reference weights in Keras's order and runs the input. */
function run(c: ReferenceCase): tf.Tensor | tf.Tensor[] {
  const layer = FACTORIES[c.layer](c.units, c.options as never);
  const x = tf.tensor3d(c.input);
  tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights
  const shapes = layer.getWeights().map((w) => w.shape);
  const weights = [c.weights.kernel, c.weights.recurrent_kernel, c.weights.bias].map((w) =>
    tf.tensor(w as number[]),
  );
  assert.deepEqual(
    shapes,
    weights.map((w) => w.shape),
    `${label(c)}: weight shapes as Keras's`,
  );
  layer.setWeights(weights);
  const out = layer.apply(x) as tf.Tensor | tf.Tensor[];
  tf.dispose([x, ...weights]);
  layer.dispose();
  return out;
}

const cases = referenceCases();

test("the fixture covers every layer and option the brief names", () => {
  const kinds = cases.map((c) => `${c.layer}:${c.options.resetAfter ?? ""}`);
  for (const k of ["SimpleRNN:", "LSTM:", "GRU:true", "GRU:false"]) assert.ok(kinds.includes(k), k);
  assert.ok(cases.some((c) => c.options.returnSequences === true));
  assert.ok(cases.some((c) => c.options.returnSequences === false));
});

for (const c of cases) {
  test(`${label(c)} matches the numpy forward pass of Keras within 1e-5`, () => {
    const out = run(c);
    if (c.options.returnState) {
      assert.ok(Array.isArray(out), "returnState gives [output, ...states]");
      const states = c.expected_states ?? [];
      assert.equal(out.length, 1 + states.length);
      assertClose(out[0], c.expected, 1e-5, `${label(c)} output`);
      states.forEach((s, i) => assertClose(out[i + 1], s, 1e-5, `${label(c)} state ${i}`));
    } else {
      assert.ok(!Array.isArray(out));
      assertClose(out, c.expected, 1e-5, label(c));
    }
    tf.dispose(out);
  });
}

test("weights in tfjs's order would not match: the gate order is checked", () => {
  // Swapping two LSTM gate blocks (i and f) must change the output, so the comparison above
  // really depends on the i, f, c, o order.
  const c = cases.find((k) => k.layer === "LSTM" && k.options.returnSequences === false)!;
  const u = c.units;
  const swap = (m: number[][]) =>
    m.map((r) => [...r.slice(u, 2 * u), ...r.slice(0, u), ...r.slice(2 * u)]);
  const swapped: ReferenceCase = {
    ...c,
    weights: {
      ...c.weights,
      kernel: swap(c.weights.kernel),
      recurrent_kernel: swap(c.weights.recurrent_kernel),
    },
  };
  const out = run(swapped) as tf.Tensor;
  assert.throws(() => assertClose(out, c.expected, 1e-3, "swapped"), /max \|difference\|/);
  out.dispose();
});
