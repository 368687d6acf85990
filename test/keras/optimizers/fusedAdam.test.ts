/**
 * `FusedAdam` against tfjs's own `AdamOptimizer` on the wasm backend: the same float32 values
 * bit for bit (variables, moments, accBeta), shared buffers left intact, no leaks, state round
 * trips and the same `fit` losses.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../../src/keras";
import { FusedAdam } from "../../../src/keras/optimizers/fusedAdam";
import { optimizerConfig } from "../../../src/keras/optimizers";
import { backendReady, matrix, seeded } from "../setup";

before(backendReady);

const SHAPES = [[13, 64], [64], [64, 1], [1], [784, 256], [7, 3]];

interface State {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { variable: tf.Variable }[];
  accumulatedSecondMoment: { variable: tf.Variable }[];
}

/** A variable owning its buffer (the initial tensor is disposed). */
function variable(shape: number[], seed: number): tf.Variable {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tidy(() => tf.variable(tf.tensor(seeded(n, seed), shape)));
}

/** Number of float32 steps between a and b (0: bit-identical). */
function ulps(a: number, b: number): number {
  const i = new Int32Array(Float32Array.of(a, b).buffer);
  const key = (x: number) => (x < 0 ? -2147483648 - x : x);
  return Math.abs(key(i[0]) - key(i[1]));
}

/** Asserts the two tensors hold the same float32 bits, reporting the worst ulp difference. */
function assertBits(actual: tf.Tensor, expected: tf.Tensor, what: string): void {
  const a = actual.dataSync();
  const e = expected.dataSync();
  assert.equal(a.length, e.length, `${what}: size`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, ulps(a[i], e[i]));
  assert.equal(worst, 0, `${what}: max difference ${worst} ulp`);
}

/** Asserts both optimizers' variables and state agree bit for bit. */
function assertSame(
  fused: tf.Optimizer,
  fusedVars: tf.Variable[],
  ref: tf.Optimizer,
  refVars: tf.Variable[],
): void {
  const [a, b] = [fused, ref].map((o) => o as unknown as State);
  fusedVars.forEach((v, i) => {
    assertBits(v, refVars[i], `variable ${i}`);
    assertBits(
      a.accumulatedFirstMoment[i].variable,
      b.accumulatedFirstMoment[i].variable,
      `m ${i}`,
    );
    assertBits(
      a.accumulatedSecondMoment[i].variable,
      b.accumulatedSecondMoment[i].variable,
      `v ${i}`,
    );
  });
  assertBits(a.accBeta1, b.accBeta1, "accBeta1");
  assertBits(a.accBeta2, b.accBeta2, "accBeta2");
  assert.equal(fused.iterations, ref.iterations);
}

/** `steps` steps of both optimizers with the same seeded gradients (map or array form). */
function runBoth(
  fused: FusedAdam,
  ref: tf.Optimizer,
  shapes: number[][],
  steps: number,
  asArray = false,
): { fusedVars: tf.Variable[]; refVars: tf.Variable[] } {
  const fusedVars = shapes.map((s, i) => variable(s, 10 + i));
  const refVars = shapes.map((s, i) => variable(s, 10 + i));
  for (let step = 0; step < steps; step++) {
    const grads = shapes.map((s, i) => {
      const n = s.reduce((a, b) => a * b, 1);
      const scale = 10 ** (i - 2);
      return tf.tensor(
        seeded(n, 100 * step + i + 1).map((g) => g * scale),
        s,
      );
    });
    const apply = (opt: tf.Optimizer, vars: tf.Variable[]) => {
      const named = vars.map((v, i) => ({ name: v.name, tensor: grads[i] }));
      opt.applyGradients(
        asArray ? named : Object.fromEntries(named.map((g) => [g.name, g.tensor])),
      );
    };
    const ids = fusedVars.map((v) => v.dataId);
    apply(fused, fusedVars);
    apply(ref, refVars);
    // The SIMD kernel and the loop wrote in place (variables kept their buffers); without the
    // SIMD kernel, variables above loopMaxSize took tfjs's kernels.
    fusedVars.forEach((v, i) => {
      const kept = v.dataId === ids[i];
      assert.equal(
        kept,
        fused.simd || v.size <= fused.loopMaxSize,
        `variable ${i} (${v.size}) in place: ${kept}`,
      );
    });
    tf.dispose(grads);
  }
  return { fusedVars, refVars };
}

/** These check the wasm heap path; a run forced onto another backend skips them. */
const forced = process.env.TSLAB_ML_BACKEND;
const WASM_ONLY = { skip: forced !== undefined && forced !== "wasm" ? "wasm only" : false };

test("Adam() is a FusedAdam that still presents itself as tfjs's Adam", () => {
  const opt = keras.optimizers.Adam();
  assert.ok(opt instanceof FusedAdam);
  assert.ok(opt instanceof tf.AdamOptimizer);
  assert.equal(opt.getClassName(), "Adam");
  assert.equal(FusedAdam.className, "Adam");
  assert.deepEqual(optimizerConfig(opt), {
    name: "adam",
    config: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  });
  opt.dispose();
});

test(
  "5 steps on wasm: variables, moments and accBeta bit-identical to tf.train.adam",
  WASM_ONLY,
  () => {
    assert.equal(tf.getBackend(), "wasm");
    // Bit-identical, not merely close: every element's float32 bits are compared (0 ulp). Every
    // variable runs through the wasm SIMD kernel (default); then without it, the 784×256 kernel
    // once with tfjs's kernels (above loopMaxSize) and once through the JavaScript loop.
    for (const [simd, loopMaxSize] of [
      [true, 8192],
      [false, 8192],
      [false, Infinity],
    ] as const) {
      const fused = new FusedAdam(0.001, 0.9, 0.999, 1e-7);
      fused.simd = simd;
      fused.loopMaxSize = loopMaxSize;
      const ref = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
      const { fusedVars, refVars } = runBoth(fused, ref, SHAPES, 5);
      assertSame(fused, fusedVars, ref, refVars);
      tf.dispose([...fusedVars, ...refVars]);
      fused.dispose();
      ref.dispose();
    }
  },
);

test(
  "non-default learningRate, betas and epsilon (and the array form) stay bit-identical",
  WASM_ONLY,
  () => {
    for (const [lr, b1, b2, eps] of [
      [0.05, 0.8, 0.95, 1e-3],
      [0.3, 0.5, 0.7, undefined],
    ]) {
      const fused = new FusedAdam(lr as number, b1 as number, b2 as number, eps);
      const ref = tf.train.adam(lr, b1, b2, eps);
      const { fusedVars, refVars } = runBoth(fused, ref, SHAPES.slice(0, 4), 5, true);
      assertSame(fused, fusedVars, ref, refVars);
      tf.dispose([...fusedVars, ...refVars]);
      fused.dispose();
      ref.dispose();
    }
  },
);

test("no tensor leak: minimize and applyGradients keep tf.memory() stable", () => {
  const vars = SHAPES.map((s, i) => variable(s, i + 1));
  const opt = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
  const loss = () => tf.addN(vars.map((v) => tf.sum(tf.square(v)))) as tf.Scalar;
  const before = tf.memory().numTensors;
  opt.minimize(loss, false, vars);
  assert.equal(tf.memory().numTensors, before + 2 * vars.length, "the moments are created once");
  const start = tf.memory();
  for (let i = 0; i < 20; i++) opt.minimize(loss, false, vars);
  const grads = vars.map((v) => tf.onesLike(v));
  for (let i = 0; i < 20; i++)
    opt.applyGradients(vars.map((v, j) => ({ name: v.name, tensor: grads[j] })));
  tf.dispose(grads);
  assert.equal(tf.memory().numTensors, start.numTensors);
  assert.equal(tf.memory().numBytes, start.numBytes);
  tf.dispose(vars);
  opt.dispose();
});

test("a shared buffer is not written: aliases keep their values, the variable is updated", () => {
  const fused = new FusedAdam(0.1, 0.9, 0.999, 1e-7);
  const ref: tf.Optimizer = tf.train.adam(0.1, 0.9, 0.999, 1e-7);
  const [a, b, c] = [[13, 64], [64], [4]].map((s, i) => variable(s, 40 + i));
  const [ra, rb, rc] = [[13, 64], [64], [4]].map((s, i) => variable(s, 40 + i));
  const alias = tf.reshape(a, a.shape);
  const copy = tf.clone(b);
  const old = [alias.dataSync().slice(), copy.dataSync().slice()];
  const ga = tf.onesLike(a);
  const gb = tf.fill(b.shape, -0.5);
  // c is its own gradient: the gradient shares the variable's buffer.
  fused.applyGradients({ [a.name]: ga, [b.name]: gb, [c.name]: c });
  ref.applyGradients({ [ra.name]: ga, [rb.name]: gb, [rc.name]: rc });
  assert.deepEqual(alias.dataSync(), old[0]);
  assert.deepEqual(copy.dataSync(), old[1]);
  assertSame(fused, [a, b, c], ref, [ra, rb, rc]);
  // Alone again (the alias is gone), the next step is in place and still identical.
  tf.dispose([alias, copy]);
  const count = tf.memory().numTensors;
  fused.applyGradients({ [a.name]: ga, [b.name]: gb, [c.name]: c });
  ref.applyGradients({ [ra.name]: ga, [rb.name]: gb, [rc.name]: rc });
  assertSame(fused, [a, b, c], ref, [ra, rb, rc]);
  // A variable assigned a tensor that stays alive between steps: shared again, then alone.
  const fresh = tf.fill(a.shape, 0.25);
  a.assign(fresh);
  ra.assign(fresh);
  for (let i = 0; i < 2; i++) {
    fused.applyGradients({ [a.name]: ga, [b.name]: gb, [c.name]: c });
    ref.applyGradients({ [ra.name]: ga, [rb.name]: gb, [rc.name]: rc });
    if (i > 0) continue;
    assert.deepEqual(Array.from(new Set(fresh.dataSync())), [0.25]);
    fresh.dispose();
  }
  assertSame(fused, [a, b, c], ref, [ra, rb, rc]);
  assert.equal(tf.memory().numTensors, count);
  tf.dispose([a, b, c, ra, rb, rc, ga, gb]);
  fused.dispose();
  ref.dispose();
});

test(
  "matMul, fused matMul and conv2d see the new values (wasm's cached XNNPACK weights)",
  WASM_ONLY,
  () => {
    const w = variable([13, 64], 50);
    const bias = variable([64], 51);
    const filter = variable([3, 3, 2, 4], 52);
    const x = tf.tensor2d(matrix(8, 13, 53));
    const image = tf.tensor4d(seeded(50, 54), [1, 5, 5, 2]);
    const run = (ws: tf.Tensor[]) =>
      tf.tidy(() => [
        tf.matMul(x, ws[0]),
        tf.fused.matMul({ a: x, b: ws[0], bias: ws[1], activation: "relu" }),
        tf.conv2d(image as tf.Tensor4D, ws[2] as tf.Tensor4D, 1, "same"),
      ]);
    const opt = new FusedAdam(0.1, 0.9, 0.999, 1e-7);
    for (let step = 0; step < 3; step++) {
      tf.dispose(run([w, bias, filter])); // builds (or reuses) the cached operators
      const grads = [w, bias, filter].map((v) => tf.fill(v.shape, 1));
      opt.applyGradients([w, bias, filter].map((v, i) => ({ name: v.name, tensor: grads[i] })));
      tf.dispose(grads);
      const copies = [w, bias, filter].map((v) => tf.tensor(v.dataSync(), v.shape));
      const [got, want] = [run([w, bias, filter]), run(copies)];
      got.forEach((t, i) => assertBits(t, want[i], `step ${step} op ${i}`));
      tf.dispose([...got, ...want, ...copies]);
    }
    tf.dispose([w, bias, filter, x, image]);
    opt.dispose();
  },
);

test(
  "getWeights / setWeights after fused steps: a restored FusedAdam continues like tfjs's",
  WASM_ONLY,
  async () => {
    const fused = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
    const first = runBoth(fused, tf.train.adam(0.01, 0.9, 0.999, 1e-7), SHAPES.slice(0, 4), 3);
    const saved = await fused.getWeights();
    assert.equal(saved.length, 1 + 2 * 4);
    assert.deepEqual(
      saved.slice(1).map((w) => w.name),
      [...first.fusedVars, ...first.fusedVars].map((v, i) => `${v.name}/${i < 4 ? "m" : "v"}`),
    );
    const snapshot = saved.map((w) => w.tensor.dataSync().slice());
    const restored = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
    const ref = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    await restored.setWeights(saved);
    await ref.setWeights(saved);
    assert.equal(restored.iterations, 3);
    // The restored moments share the saved tensors' buffers: the fused steps must not write them.
    const again = runBoth(restored, ref, SHAPES.slice(0, 4), 2);
    assertSame(restored, again.fusedVars, ref, again.refVars);
    saved.forEach((w, i) => assert.deepEqual(w.tensor.dataSync(), snapshot[i], `saved ${w.name}`));
    tf.dispose(saved[0].tensor);
    tf.dispose([...first.fusedVars, ...first.refVars, ...again.fusedVars, ...again.refVars]);
    [fused, restored, ref].forEach((o) => o.dispose());
  },
);

test("fit with compile({optimizer: Adam()}) gives the losses of tf.train.adam", async () => {
  keras.backend.clearSession();
  const build = () =>
    keras.Sequential([
      keras.Input({ shape: [13] }),
      keras.layers.Dense(64, { activation: "relu" }),
      keras.layers.Dense(1),
    ]);
  const x = matrix(64, 13, 3);
  const y = x.map((r) => [r[0] - 2 * r[1] + r[2] * r[3]]);
  const fusedModel = build();
  const refModel = build();
  const init = fusedModel.getWeights();
  refModel.setWeights(init);
  fusedModel.setWeights(init);
  tf.dispose(init);
  fusedModel.compile({ optimizer: keras.optimizers.Adam({ learningRate: 0.01 }), loss: "mse" });
  refModel.compile({ optimizer: tf.train.adam(0.01, 0.9, 0.999, 1e-7), loss: "mse" });
  assert.ok(fusedModel.compileConfig?.optimizer instanceof FusedAdam);
  const options = { epochs: 5, batchSize: 16, shuffle: false, verbose: 0 as const };
  const fusedLoss = (await fusedModel.fit(x, y, options)).history.loss;
  const refLoss = (await refModel.fit(x, y, options)).history.loss;
  assert.deepEqual(fusedLoss, refLoss);
  assert.ok(fusedLoss[4] < fusedLoss[0]);
  const [fw, rw] = [fusedModel.getWeights(), refModel.getWeights()];
  fw.forEach((w, i) => assertBits(w, rw[i], `weight ${i}`));
  tf.dispose([...fw, ...rw]);
  fusedModel.dispose();
  refModel.dispose();
});
