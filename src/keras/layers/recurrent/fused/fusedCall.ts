/**
 * `fusedRecurrentCall(layer, recurrence, inputs, kwargs)`: a recurrent layer's whole forward
 * pass as one input projection plus one op, instead of tfjs's unrolled loop of small kernels.
 *
 * Behaviour: tfjs runs about 200 kernels per timestep of an LSTM in training (forward and
 * gradient), each costing microseconds of dispatch. Here the input projection of every timestep
 * is one matrix product (`x · kernel + bias`, differentiated by tfjs), and the recurrence runs
 * on the host in one `tf.customGrad` op whose gradient is written by hand (./recurrence.ts and
 * the cells' files). When no gradient is being recorded (`predict`, `evaluate`) there is no
 * custom-gradient op, and the host pass runs 256 samples at a time so that its buffers stay
 * small. The numbers are those of tfjs's loop within float32 rounding. Returns null, so that
 * the caller runs tfjs's loop, whenever this path does not cover the call exactly:
 * a mask, initial states, `stateful`, dropout in training, activations other than tanh with
 * sigmoid gates, `returnSequences` together with `returnState`, non-float32 inputs, or more
 * than `MAX_FUSED_UNITS` units (where the wasm matrix products win over host loops).
 *
 * @example
 * override call(inputs, kwargs) {
 *   return fusedRecurrentCall(this, lstmRecurrence, inputs, kwargs) ?? super.call(inputs, kwargs);
 * }
 */
import * as tf from "@tensorflow/tfjs";
import type { Recurrence, Sizes } from "./recurrence";

/**
 * Above this many units a layer keeps tfjs's loop. Measured by bench/recurrentCrossover.ts on
 * wasm (batch 32, 20 timesteps): the host loops win up to 32 units (an LSTM(32) training step
 * 18 ms against 23 ms) and lose from 64 (46 ms against 31 ms).
 */
export const MAX_FUSED_UNITS = 32;

let unitLimit = MAX_FUSED_UNITS;

/** Sets the unit limit (for benchmarks that time both paths); returns the previous one. */
export function setFusedUnitLimit(units: number): number {
  const previous = unitLimit;
  unitLimit = units;
  return previous;
}

type Kwargs = { [key: string]: unknown } | undefined;
interface Weight {
  read(): tf.Tensor;
}
/** The fields of tfjs's recurrent cells this path reads. */
interface CellFields {
  units: number;
  useBias: boolean;
  dropout: number;
  recurrentDropout: number;
  kernel: Weight;
  recurrentKernel: Weight;
  bias: Weight | null;
  activation: { getClassName(): string };
  recurrentActivation?: { getClassName(): string };
}

function cellOf(layer: tf.RNN): CellFields {
  return layer.cell as unknown as CellFields;
}

function eligible(layer: tf.RNN, x: tf.Tensor, kwargs: Kwargs): boolean {
  const cell = cellOf(layer);
  const training = kwargs?.["training"] === true;
  if (kwargs?.["mask"] != null || kwargs?.["initialState"] != null) return false;
  if (layer.stateful || (layer.returnSequences && layer.returnState)) return false;
  if (training && (cell.dropout > 0 || cell.recurrentDropout > 0)) return false;
  if (cell.units > unitLimit || x.rank !== 3 || x.dtype !== "float32") return false;
  if (x.shape[0] === 0 || x.shape[1] === 0) return false;
  if (cell.activation.getClassName() !== "tanh") return false;
  const gate = cell.recurrentActivation?.getClassName();
  return gate === undefined || gate === "sigmoid";
}

/** The one tensor a layer was called on, or null when it got more (initial states). */
function singleInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor | null {
  if (!Array.isArray(inputs)) return inputs;
  return inputs.length === 1 ? inputs[0] : null;
}

/** What the op returns: every hidden state, or the last one (with the LSTM's last cell state). */
type Mode = "sequence" | "last" | "lastWithCell";

/** Numbers per sample in the op's output. */
function sampleWidth(s: Sizes, mode: Mode): number {
  if (mode === "sequence") return s.steps * s.units;
  return mode === "last" ? s.units : 2 * s.units;
}

function outShape(s: Sizes, mode: Mode): number[] {
  return mode === "sequence" ? [s.batch, s.steps, s.units] : [s.batch, sampleWidth(s, mode)];
}

function pack(h: Float64Array, c: Float64Array | null, s: Sizes, mode: Mode): Float32Array {
  const { batch: B, steps: T, units: U } = s;
  if (mode === "sequence") return Float32Array.from(h);
  const width = sampleWidth(s, mode);
  const out = new Float32Array(B * width);
  for (let b = 0; b < B; b++) {
    const from = (b * T + T - 1) * U;
    out.set(h.subarray(from, from + U), b * width);
    if (mode === "lastWithCell" && c !== null) out.set(c.subarray(from, from + U), b * width + U);
  }
  return out;
}

function unpack(dy: Float32Array, s: Sizes, mode: Mode): [Float32Array, Float32Array | null] {
  const { batch: B, steps: T, units: U } = s;
  if (mode === "sequence") return [dy, null];
  const dH = new Float32Array(B * T * U);
  const dC = mode === "lastWithCell" ? new Float32Array(B * T * U) : null;
  const width = sampleWidth(s, mode);
  for (let b = 0; b < B; b++) {
    const to = (b * T + T - 1) * U;
    dH.set(dy.subarray(b * width, b * width + U), to);
    if (dC !== null) dC.set(dy.subarray(b * width + U, b * width + 2 * U), to);
  }
  return [dH, dC];
}

/** Samples per host pass when no gradient is recorded (keeps the host buffers small). */
const INFERENCE_CHUNK = 256;

/** Whether tfjs is recording operations for gradients (`tf.grads`, `minimize`…). */
function recording(): boolean {
  const engine = tf.engine() as unknown as { isTapeOn?: () => boolean };
  return typeof engine.isTapeOn === "function" ? engine.isTapeOn() : true;
}

/**
 * The recurrence's output without a gradient, `INFERENCE_CHUNK` samples at a time: samples are
 * independent, so the result is the same, and nothing is kept for a backward pass.
 */
function inferenceOutput(recurrence: Recurrence, inputs: tf.Tensor[], s: Sizes, mode: Mode) {
  const [xp, rec, rb] = inputs.map((t) => t.dataSync() as Float32Array);
  const width = sampleWidth(s, mode);
  const perSample = s.steps * recurrence.gates * s.units;
  const out = new Float32Array(s.batch * width);
  for (let c0 = 0; c0 < s.batch; c0 += INFERENCE_CHUNK) {
    const part = { ...s, batch: Math.min(INFERENCE_CHUNK, s.batch - c0) };
    const chunk = xp.subarray(c0 * perSample, (c0 + part.batch) * perSample);
    const fw = recurrence.forward(chunk, rec, rb ?? null, part);
    out.set(pack(fw.h, fw.c, part, mode), c0 * width);
  }
  return tf.tensor(out, outShape(s, mode));
}

/** The recurrence as a differentiable op of `(xp, recurrentKernel[, recurrentBias])`. */
function recurrenceOp(recurrence: Recurrence, s: Sizes, mode: Mode) {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xp, rec, rb] = args.slice(0, -1) as tf.Tensor[];
    const fw = recurrence.forward(
      xp.dataSync() as Float32Array,
      rec.dataSync() as Float32Array,
      rb === undefined ? null : (rb.dataSync() as Float32Array),
      s,
    );
    const value = tf.tensor(pack(fw.h, fw.c, s, mode), outShape(s, mode));
    const gradFunc = (dy: tf.Tensor) => {
      const [dH, dC] = unpack(dy.dataSync() as Float32Array, s, mode);
      const g = fw.backward(dH, dC);
      const grads = [tf.tensor(g.dxp, xp.shape), tf.tensor(g.drec, rec.shape)];
      if (rb !== undefined)
        grads.push(tf.tensor(g.drecBias ?? new Float32Array(rb.size), rb.shape));
      return grads;
    };
    return { value, gradFunc };
  });
}

/** The fused forward pass of `layer` (see the module doc), or null to use tfjs's loop. */
export function fusedRecurrentCall(
  layer: tf.RNN,
  recurrence: Recurrence,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
): tf.Tensor | tf.Tensor[] | null {
  const input = singleInput(inputs);
  if (input === null || !eligible(layer, input, kwargs)) return null;
  return tf.tidy(() => {
    const cell = cellOf(layer);
    const x = layer.goBackwards ? tf.reverse(input, 1) : input;
    const [B, T, F] = x.shape as [number, number, number];
    const U = cell.units;
    const G = recurrence.gates * U;
    const bias = cell.useBias && cell.bias !== null ? cell.bias.read() : null;
    const [inBias, recBias] =
      bias === null ? [null, null] : recurrence.recurrentBias ? tf.unstack(bias, 0) : [bias, null];
    let xp = tf.matMul(tf.reshape(x, [B * T, F]) as tf.Tensor2D, cell.kernel.read() as tf.Tensor2D);
    if (inBias !== null) xp = tf.add(xp, inBias);
    const s: Sizes = { batch: B, steps: T, units: U };
    const withCell = layer.returnState && recurrence.gates === 4;
    const mode: Mode = layer.returnSequences ? "sequence" : withCell ? "lastWithCell" : "last";
    const args = [tf.reshape(xp, [B, T, G]), cell.recurrentKernel.read()];
    if (recurrence.recurrentBias) args.push(recBias ?? tf.zeros([G]));
    const y = recording()
      ? recurrenceOp(recurrence, s, mode)(...args)
      : inferenceOutput(recurrence, args, s, mode);
    if (!layer.returnState) return y;
    if (withCell) {
      const [h, c] = tf.split(y, 2, -1);
      return [h, h, c];
    }
    return [y, y];
  });
}
