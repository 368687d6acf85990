import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import * as keras from "../../src/keras";
import { resolveLoss } from "../../src/keras/losses";
import { resolveOptimizer } from "../../src/keras/optimizers";
import { backendReady } from "./setup";

before(backendReady);

const EPS = 1e-7;
const clip = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

const yTrue = [
  [0, 1, 0],
  [1, 0, 0],
];
const yPred = [
  [0.2, 0.7, 0.1],
  [0.5, 0.3, 0.2],
];

/** Mean over samples of a per-sample formula, in plain JS. */
const perSample = (f: (t: number[], p: number[]) => number) =>
  mean(yTrue.map((t, i) => f(t, yPred[i])));

const FORMULAS: Record<string, number> = {
  mse: perSample((t, p) => mean(t.map((v, j) => (v - p[j]) ** 2))),
  mae: perSample((t, p) => mean(t.map((v, j) => Math.abs(v - p[j])))),
  huber: perSample((t, p) =>
    mean(
      t.map((v, j) => {
        const e = Math.abs(v - p[j]);
        return e <= 1 ? 0.5 * e * e : e - 0.5;
      }),
    ),
  ),
  binary_crossentropy: perSample((t, p) =>
    mean(
      t.map((v, j) => {
        const q = clip(p[j], EPS, 1 - EPS);
        return -(v * Math.log(q) + (1 - v) * Math.log(1 - q));
      }),
    ),
  ),
  categorical_crossentropy: perSample(
    (t, p) => -t.reduce((a, v, j) => a + v * Math.log(clip(p[j], EPS, 1 - EPS)), 0),
  ),
  kl_divergence: perSample((t, p) =>
    t.reduce((a, v, j) => {
      const tt = clip(v, EPS, 1);
      return a + tt * Math.log(tt / clip(p[j], EPS, 1));
    }, 0),
  ),
};

function lossValue(name: string, y: number[][] | number[] = yTrue): number {
  const { fn } = resolveLoss(name, "test");
  return tf.tidy(() => tf.mean(fn(tf.tensor(y), tf.tensor2d(yPred))).dataSync()[0]);
}

test("each loss name maps to the Keras formula", () => {
  for (const [name, expected] of Object.entries(FORMULAS)) {
    const got = lossValue(name);
    assert.ok(Math.abs(got - expected) < 1e-5, `${name}: ${got} vs ${expected}`);
  }
  const sparse = lossValue("sparse_categorical_crossentropy", [1, 0]);
  assert.ok(Math.abs(sparse - FORMULAS.categorical_crossentropy) < 1e-5);
  const huberBig = tf.tidy(
    () =>
      resolveLoss("huber", "t")
        .fn(tf.tensor2d([[0]]), tf.tensor2d([[3]]))
        .dataSync()[0],
  );
  assert.ok(Math.abs(huberBig - 2.5) < 1e-6, "huber beyond delta 1 is |e| - 0.5");
});

test("Keras, full and tfjs spellings of loss names", () => {
  const cases: Record<string, string> = {
    mse: "mse",
    mean_squared_error: "mse",
    meanSquaredError: "mse",
    MAE: "mae",
    meanAbsoluteError: "mae",
    huber_loss: "huber",
    binaryCrossentropy: "binary_crossentropy",
    categoricalCrossentropy: "categorical_crossentropy",
    sparseCategoricalCrossentropy: "sparse_categorical_crossentropy",
    kld: "kl_divergence",
    kullback_leibler_divergence: "kl_divergence",
  };
  for (const [given, canonical] of Object.entries(cases))
    assert.equal(resolveLoss(given, "t").name, canonical);
  assert.throws(
    () =>
      keras
        .Sequential([keras.Input({ shape: [1] }), keras.layers.Dense(1)])
        .compile({ loss: "binary_crossentropi" }),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        'compile: unknown loss "binary_crossentropi"; valid loss names: "mse", "mae", "huber", "binary_crossentropy", ' +
          '"categorical_crossentropy", "sparse_categorical_crossentropy", "kl_divergence", "kld"; did you mean "binary_crossentropy"?',
  );
});

test("optimizer factories use Keras defaults", () => {
  const cfg = (o: tf.Optimizer) => o.getConfig() as Record<string, number | boolean>;
  const adagrad = keras.optimizers.Adagrad();
  assert.equal(adagrad.getClassName(), "Adagrad");
  assert.deepEqual(cfg(adagrad), { learningRate: 0.001, initialAccumulatorValue: 0.1 });
  assert.deepEqual(cfg(keras.optimizers.Adam()), {
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  });
  const rms = cfg(keras.optimizers.RMSprop());
  assert.equal(rms.learningRate, 0.001);
  assert.equal(rms.decay, 0.9);
  assert.equal(rms.momentum, 0);
  assert.equal(rms.epsilon, 1e-7);
  const sgd = keras.optimizers.SGD();
  assert.equal(sgd.getClassName(), "SGD");
  assert.equal(cfg(sgd).learningRate, 0.01);
  const nesterov = keras.optimizers.SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true });
  assert.equal(nesterov.getClassName(), "Momentum");
  assert.deepEqual(cfg(nesterov), { learningRate: 0.1, momentum: 0.9, useNesterov: true });
  assert.equal(cfg(keras.optimizers.Adam({ learningRate: 0.01 })).learningRate, 0.01);
  assert.throws(
    () => keras.optimizers.Adam({ learningRate: 0 }),
    /Adam: learningRate must be a number > 0; got 0/,
  );
});

test("optimizer names in any case give the Keras defaults", () => {
  const names: Record<string, string> = {
    sgd: "SGD",
    SGD: "SGD",
    adam: "Adam",
    Adam: "Adam",
    rmsprop: "RMSProp",
    RMSprop: "RMSProp",
    adagrad: "Adagrad",
    AdaGrad: "Adagrad",
  };
  for (const [given, cls] of Object.entries(names))
    assert.equal(resolveOptimizer(given, "t").getClassName(), cls);
  assert.equal(
    (resolveOptimizer("adagrad", "t").getConfig() as Record<string, number>).learningRate,
    0.001,
  );
  assert.throws(
    () => resolveOptimizer("adamw", "compile"),
    /^ValueError: compile: unknown optimizer "adamw"; valid optimizer names: "sgd", "rmsprop", "adam", "adagrad"; did you mean "adam"\?$/,
  );
});
