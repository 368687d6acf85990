/**
 * Where the fused recurrent pass stops paying: one training step of LSTM and GRU layers of
 * growing size, tslab-ml's layer (fused up to `MAX_FUSED_UNITS` units) beside tfjs's own
 * unrolled loop, with the size limit lifted so that both paths are timed at every size.
 *
 * Behaviour: for each kind and unit count, builds both layers on a `[32, 20, 16]` input
 * (batch 32, 20 timesteps, 16 features), runs 3 warm-up steps, then prints the median of 7
 * steps (forward with `training: true`, gradients of the summed output w.r.t. every weight) as
 * a JSON line on stdout and a readable line on stderr, with the 1-minute load.
 *
 * Run: `npm run build && node dist/bench/recurrentCrossover.js`.
 *
 * @example
 * // {"kind":"LSTM","units":16,"fusedMs":9.1,"loopMs":34.1,"load1":2.1}
 */
import * as tf from "@tensorflow/tfjs";
import { ready } from "../src/backend";
import { GRU, LSTM, ResetAfterGRUCell } from "../src/keras/layers/recurrent";
import { setFusedUnitLimit } from "../src/keras/layers/recurrent/fused/fusedCall";
import { load1, median, round } from "./stats";

process.env.TSLAB_ML_QUIET = "1";

function loopLayer(kind: "LSTM" | "GRU", units: number): tf.layers.Layer {
  const args = { units, returnSequences: true, recurrentActivation: "sigmoid" as const };
  if (kind === "LSTM") return tf.layers.lstm(args);
  const cell = new ResetAfterGRUCell(args);
  return new tf.RNN({ cell, returnSequences: true } as unknown as ConstructorParameters<
    typeof tf.RNN
  >[0]);
}

function stepMs(layer: tf.layers.Layer, x: tf.Tensor): number {
  tf.dispose(layer.apply(x) as tf.Tensor);
  const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const step = () => {
    const t0 = performance.now();
    const { value, grads } = tf.variableGrads(
      () => tf.sum(layer.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
      vars,
    );
    tf.dispose([value, ...Object.values(grads)]);
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) step();
  return median(Array.from({ length: 7 }, step));
}

async function main(): Promise<void> {
  await ready();
  const x = tf.randomUniform([32, 20, 16]);
  const previous = setFusedUnitLimit(Infinity);
  for (const kind of ["LSTM", "GRU"] as const) {
    for (const units of [8, 16, 32, 48, 64, 128]) {
      const fused = (kind === "LSTM" ? LSTM : GRU)(units, { returnSequences: true });
      const loop = loopLayer(kind, units);
      const row = {
        kind,
        units,
        fusedMs: round(stepMs(fused, x), 1),
        loopMs: round(stepMs(loop, x), 1),
        load1: load1(),
      };
      fused.dispose();
      loop.dispose();
      process.stdout.write(JSON.stringify(row) + "\n");
      process.stderr.write(
        `${kind}(${units}): fused ${row.fusedMs} ms, tfjs loop ${row.loopMs} ms (load ${row.load1})\n`,
      );
    }
  }
  setFusedUnitLimit(previous);
  x.dispose();
}

void main();
