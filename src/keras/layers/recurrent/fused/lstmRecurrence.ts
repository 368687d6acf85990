/**
 * The LSTM recurrence (tanh activation, sigmoid gates) over whole sequences on the host, with its
 * hand-written backward pass.
 *
 * Behaviour: per sample and timestep, `z = xp_t + h_{t-1} · U` is split into Keras's gates
 * i, f, c, o; `i, f, o = σ(z)`, `g = tanh(z_c)`, `c_t = f ⊙ c_{t-1} + i ⊙ g`,
 * `h_t = o ⊙ tanh(c_t)`, from zero states. The backward pass is the chain rule through the same
 * steps in reverse order (backpropagation through time).
 *
 * @example
 * const f = lstmRecurrence.forward(xp, rec, null, { batch: 2, steps: 5, units: 3 });
 * f.h.length; // 30
 */
import {
  blockInput,
  backRecurrent,
  forEachBlock,
  sigmoid,
  type Recurrence,
  type RecurrenceForward,
  type Sizes,
} from "./recurrence";

function forward(xp: Float32Array, rec32: Float32Array, _b: unknown, s: Sizes): RecurrenceForward {
  const { batch: B, steps: T, units: U } = s;
  const G = 4 * U;
  const rec = Float64Array.from(rec32);
  const acts = new Float64Array(B * T * G);
  const tcs = new Float64Array(B * T * U);
  const h = new Float64Array(B * T * U);
  const c = new Float64Array(B * T * U);
  const z = new Float64Array(4 * G);
  const q = { s, h, rec };
  forEachBlock(s, false, (t, b0, n) => {
    blockInput(z, xp, q, t, b0, n, G);
    for (let r = 0; r < n; r++) {
      const row = (b0 + r) * T + t;
      const xo = row * G;
      const zo = r * G;
      for (let u = 0; u < U; u++) {
        const i = sigmoid(z[zo + u]);
        const f = sigmoid(z[zo + U + u]);
        const g = Math.tanh(z[zo + 2 * U + u]);
        const o = sigmoid(z[zo + 3 * U + u]);
        const ct = f * (t > 0 ? c[(row - 1) * U + u] : 0) + i * g;
        const tc = Math.tanh(ct);
        acts[xo + u] = i;
        acts[xo + U + u] = f;
        acts[xo + 2 * U + u] = g;
        acts[xo + 3 * U + u] = o;
        c[row * U + u] = ct;
        tcs[row * U + u] = tc;
        h[row * U + u] = o * tc;
      }
    }
  });
  const backward = (dH: Float32Array, dC: Float32Array | null) => {
    const dxp = new Float32Array(B * T * G);
    const grads = { drec: new Float64Array(U * G), dhNext: new Float64Array(B * U) };
    const dhNext = grads.dhNext;
    const dcNext = new Float64Array(B * U);
    const dz = new Float64Array(4 * G);
    forEachBlock(s, true, (t, b0, n) => {
      for (let r = 0; r < n; r++) {
        const b = b0 + r;
        const row = b * T + t;
        const xo = row * G;
        const zo = r * G;
        for (let u = 0; u < U; u++) {
          const k = row * U + u;
          const i = acts[xo + u];
          const f = acts[xo + U + u];
          const g = acts[xo + 2 * U + u];
          const o = acts[xo + 3 * U + u];
          const tc = tcs[k];
          const dh = dH[k] + dhNext[b * U + u];
          const dc = dh * o * (1 - tc * tc) + dcNext[b * U + u] + (dC === null ? 0 : dC[k]);
          const cPrev = t > 0 ? c[k - U] : 0;
          dz[zo + u] = dc * g * i * (1 - i);
          dz[zo + U + u] = dc * cPrev * f * (1 - f);
          dz[zo + 2 * U + u] = dc * i * (1 - g * g);
          dz[zo + 3 * U + u] = dh * tc * o * (1 - o);
          dcNext[b * U + u] = dc * f;
        }
        dxp.set(dz.subarray(zo, zo + G), xo);
      }
      backRecurrent(grads, dz, q, t, b0, n, G);
    });
    return { dxp, drec: Float32Array.from(grads.drec), drecBias: null };
  };
  return { h, c, backward };
}

/** The LSTM recurrence (see the module doc). */
export const lstmRecurrence: Recurrence = { gates: 4, recurrentBias: false, forward };
