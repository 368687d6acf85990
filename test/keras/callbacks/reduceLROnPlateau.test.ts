import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { ReduceLROnPlateau } from "../../../src/keras/callbacks";
import { Adagrad, Adam, RMSprop, SGD } from "../../../src/keras/optimizers";
import { getLearningRate, setLearningRate } from "../../../src/keras/optimizers/learningRate";
import { backendReady } from "../setup";
import { captureConsole, drive, DummyModel } from "./helpers";

before(backendReady);

const vals = (v: number[]) => v.map((val_loss) => ({ val_loss }));

/** Drives the callback and returns the logged rates. */
async function rates(cb: ReturnType<typeof ReduceLROnPlateau>, model: DummyModel, seq: number[]) {
  const logged: number[] = [];
  cb.setModel(model);
  await cb.onTrainBegin();
  for (let e = 0; e < seq.length; e++) {
    const logs: Record<string, number> = { val_loss: seq[e] };
    cb.onEpochEnd(e, logs);
    logged.push(logs.learning_rate);
  }
  return logged;
}

test("ReduceLROnPlateau: reduces after `patience` epochs without improvement and logs the rate", async () => {
  const model = new DummyModel(SGD({ learningRate: 0.1 }));
  const cb = ReduceLROnPlateau({ factor: 0.5, patience: 2, minDelta: 0, verbose: 1 });
  let logged: number[] = [];
  const out = await captureConsole(async () => {
    logged = await rates(cb, model, [1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 0.5]);
  });
  assert.deepEqual(logged, [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  assert.deepEqual(out.log, [
    "Epoch 4: ReduceLROnPlateau reducing learning rate to 0.05.",
    "Epoch 6: ReduceLROnPlateau reducing learning rate to 0.025.",
  ]);
  assert.equal(getLearningRate(model.optimizer), 0.025);
  model.dispose();
});

test("ReduceLROnPlateau: cooldown and minLr, messages in Python's float repr", async () => {
  const model = new DummyModel(Adam({ learningRate: 0.1 }));
  const cb = ReduceLROnPlateau({ factor: 0.1, patience: 1, cooldown: 2, minLr: 0.001, verbose: 1 });
  const out = await captureConsole(() => rates(cb, model, new Array(9).fill(1.0)));
  assert.deepEqual(out.log, [
    "Epoch 2: ReduceLROnPlateau reducing learning rate to 0.010000000000000002.",
    "Epoch 4: ReduceLROnPlateau reducing learning rate to 0.0010000000000000002.",
    "Epoch 6: ReduceLROnPlateau reducing learning rate to 0.001.",
  ]);
  assert.equal(getLearningRate(model.optimizer), 0.001);
  model.dispose();
});

test("ReduceLROnPlateau: minDelta, mode max for accuracy names, missing key warning, option errors", async () => {
  const model = new DummyModel(SGD({ learningRate: 1 }));
  // Improvements smaller than minDelta do not count.
  const cb = ReduceLROnPlateau({ patience: 2, minDelta: 0.1 });
  await drive(cb, model, vals([1.0, 0.95, 0.91, 0.5]));
  assert.equal(getLearningRate(model.optimizer), 0.1);
  const acc = ReduceLROnPlateau({ monitor: "val_accuracy", patience: 1 });
  assert.equal(acc.mode, "max");
  await drive(
    acc,
    model,
    [0.5, 0.6, 0.7].map((val_accuracy) => ({ val_accuracy })),
  );
  assert.equal(getLearningRate(model.optimizer), 0.1, "rising accuracy: no reduction");
  const out = await captureConsole(() => drive(ReduceLROnPlateau(), model, [{ loss: 1 }]));
  assert.deepEqual(out.warn, [
    "UserWarning: Learning rate reduction conditioned on metric `val_loss` which is not available. Available metrics are: loss,learning_rate",
  ]);
  assert.throws(() => ReduceLROnPlateau({ factor: 1 }), {
    message: "ReduceLROnPlateau: factor must be < 1 (new rate = rate × factor); got 1",
  });
  model.dispose();
});

// Step-2 update of w after one step at rate 0.1 and a switch to rate `a`, for a constant
// gradient g (independent formulas from each optimizer's update rule).
const CASES: Array<[string, (lr: number) => tf.Optimizer, (a: number, g: number) => number]> = [
  ["SGD", (lr) => SGD({ learningRate: lr }), (a, g) => -a * g],
  ["SGD momentum", (lr) => SGD({ learningRate: lr, momentum: 0.9 }), (a, g) => -a * 1.9 * g],
  [
    "SGD nesterov",
    (lr) => SGD({ learningRate: lr, momentum: 0.9, nesterov: true }),
    (a, g) => -a * (g + 0.9 * 1.9 * g),
  ],
  [
    "RMSprop",
    (lr) => RMSprop({ learningRate: lr }),
    (a, g) => (-a * g) / Math.sqrt(0.19 * g * g + 1e-7),
  ],
  ["Adam", (lr) => Adam({ learningRate: lr }), (a, g) => (-a * g) / (Math.abs(g) + 1e-7)],
  [
    "Adagrad",
    (lr) => Adagrad({ learningRate: lr }),
    (a, g) => (-a * g) / Math.sqrt(0.1 + 2 * g * g + 1e-7),
  ],
];

test("setLearningRate: the next step of SGD, momentum, RMSprop, Adam and Adagrad uses the new rate", () => {
  const g = [0.5, -1, 2];
  const grad = tf.tensor1d(g);
  for (const [name, make, step2] of CASES) {
    const opt = make(0.1);
    const w = tf.variable(tf.tensor1d([1, 2, 3]));
    const step = () => opt.minimize(() => tf.sum(tf.mul(w, grad)) as tf.Scalar, false, [w]);
    step();
    const after1 = Array.from(w.dataSync());
    setLearningRate(opt, 0.01);
    assert.equal(getLearningRate(opt), 0.01);
    step();
    const after2 = Array.from(w.dataSync());
    after2.forEach((v, i) => {
      const expected = step2(0.01, g[i]);
      const got = v - after1[i];
      assert.ok(
        Math.abs(got - expected) < 1e-5 * Math.max(1, Math.abs(expected)) + 1e-6,
        `${name}[${i}]: ${got} vs ${expected}`,
      );
      assert.ok(Math.abs(got - step2(0.1, g[i])) > 1e-3, `${name}: the old rate is no longer used`);
    });
    w.dispose();
    opt.dispose();
  }
  grad.dispose();
  assert.throws(() => setLearningRate(SGD(), -1), {
    message: "setLearningRate: lr must be a finite number >= 0; got -1",
  });
  assert.throws(
    () => getLearningRate({} as tf.Optimizer),
    /getLearningRate: the optimizer \(an object\) has no numeric learningRate/,
  );
});
