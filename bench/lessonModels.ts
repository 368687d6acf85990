/**
 * The lesson models of the side-by-side benchmark, their shapes, and synthetic data of those
 * shapes, built with tslab-ml's own Keras API.
 *
 * Behaviour: `SHAPES` is the single description of every model (rows, layer sizes, batch
 * sizes); bench/torchSide.ts sends the same object to bench/torch_models.py so both sides build
 * the same models. Models: MLP 784-256-256-10 (relu, softmax, Adam, categorical crossentropy,
 * 4,800 rows; batch 32, 128, 512; predict on 10,000 rows), Dense 13-64-1 regression (relu, mse,
 * Adam, 400 rows, batch 32), and LSTM(16, returnSequences) → GRU(8) → Dense(1) on 500×20×4
 * (mse, Adam, batch 32). Data is uniform random (seeded); labels are one-hot of random classes.
 *
 * Run: imported by `bench/run.ts` and `bench/profile.ts`.
 *
 * @example
 * const { model, x, y } = lessonModel("rnn");
 * await model.fit(x, y, { epochs: 1, batchSize: SHAPES.rnn.batch, verbose: 0 });
 */
import * as tf from "@tensorflow/tfjs";
import * as keras from "../src/keras";

export const SHAPES = {
  mlp: {
    rows: 4800,
    layers: [784, 256, 256, 10],
    batches: [32, 128, 512],
    predictRows: 10000,
    /** tslab-ml's predict default (Keras's), used on both sides. */
    predictBatch: 32,
  },
  regression: { rows: 400, features: 13, hidden: 64, batch: 32 },
  rnn: { rows: 500, timesteps: 20, features: 4, lstm: 16, gru: 8, batch: 32 },
};

export type ModelName = "mlp" | "regression" | "rnn";

/** A compiled model with its training data (the caller disposes all three). */
export interface LessonModel {
  model: keras.KerasModel;
  x: tf.Tensor;
  y: tf.Tensor;
  /** The loss name given to `compile`. */
  loss: string;
}

function mlp(): LessonModel {
  const [inputs, h1, h2, classes] = SHAPES.mlp.layers;
  const model = keras.Sequential([
    keras.Input({ shape: [inputs] }),
    keras.layers.Dense(h1, { activation: "relu" }),
    keras.layers.Dense(h2, { activation: "relu" }),
    keras.layers.Dense(classes, { activation: "softmax" }),
  ]);
  const loss = "categorical_crossentropy";
  model.compile({ optimizer: "adam", loss });
  const x = tf.randomUniform([SHAPES.mlp.rows, inputs], 0, 1, "float32", 1);
  const y = tf.tidy(() =>
    tf.oneHot(tf.randomUniform([SHAPES.mlp.rows], 0, classes, "int32", 2), classes).toFloat(),
  );
  return { model, x, y, loss };
}

function regression(): LessonModel {
  const { rows, features, hidden } = SHAPES.regression;
  const model = keras.Sequential([
    keras.Input({ shape: [features] }),
    keras.layers.Dense(hidden, { activation: "relu" }),
    keras.layers.Dense(1),
  ]);
  const loss = "mse";
  model.compile({ optimizer: "adam", loss });
  const x = tf.randomUniform([rows, features], 0, 1, "float32", 3);
  const y = tf.randomUniform([rows, 1], 0, 1, "float32", 4);
  return { model, x, y, loss };
}

function rnn(): LessonModel {
  const { rows, timesteps, features, lstm, gru } = SHAPES.rnn;
  const model = keras.Sequential([
    keras.Input({ shape: [timesteps, features] }),
    keras.layers.LSTM(lstm, { returnSequences: true }),
    keras.layers.GRU(gru),
    keras.layers.Dense(1),
  ]);
  const loss = "mse";
  model.compile({ optimizer: "adam", loss });
  const x = tf.randomUniform([rows, timesteps, features], 0, 1, "float32", 5);
  const y = tf.randomUniform([rows, 1], 0, 1, "float32", 6);
  return { model, x, y, loss };
}

/** A fresh compiled model of `name` with its synthetic data. */
export function lessonModel(name: ModelName): LessonModel {
  return name === "mlp" ? mlp() : name === "regression" ? regression() : rnn();
}

/** Frees a model and its data. */
export function disposeLesson(m: LessonModel): void {
  m.model.dispose();
  tf.dispose([m.x, m.y]);
}
