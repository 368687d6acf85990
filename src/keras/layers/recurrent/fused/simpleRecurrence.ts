/**
 * The SimpleRNN recurrence (tanh activation) over whole sequences on the host, with its
 * hand-written backward pass.
 *
 * Behaviour: per sample and timestep `h_t = tanh(xp_t + h_{t-1} · U)`, from a zero state; the
 * backward pass is the chain rule through the same steps in reverse order.
 *
 * @example
 * const f = simpleRecurrence.forward(xp, rec, null, { batch: 2, steps: 5, units: 3 });
 * f.h.length; // 30
 */
import {
  blockInput,
  backRecurrent,
  forEachBlock,
  type Recurrence,
  type RecurrenceForward,
  type Sizes,
} from "./recurrence";

function forward(xp: Float32Array, rec32: Float32Array, _b: unknown, s: Sizes): RecurrenceForward {
  const { batch: B, steps: T, units: U } = s;
  const rec = Float64Array.from(rec32);
  const h = new Float64Array(B * T * U);
  const a = new Float64Array(4 * U);
  const q = { s, h, rec };
  forEachBlock(s, false, (t, b0, n) => {
    blockInput(a, xp, q, t, b0, n, U);
    for (let r = 0; r < n; r++) {
      const ho = ((b0 + r) * T + t) * U;
      for (let u = 0; u < U; u++) h[ho + u] = Math.tanh(a[r * U + u]);
    }
  });
  const backward = (dH: Float32Array) => {
    const dxp = new Float32Array(B * T * U);
    const grads = { drec: new Float64Array(U * U), dhNext: new Float64Array(B * U) };
    const dhNext = grads.dhNext;
    const da = new Float64Array(4 * U);
    forEachBlock(s, true, (t, b0, n) => {
      for (let r = 0; r < n; r++) {
        const b = b0 + r;
        const ho = (b * T + t) * U;
        for (let u = 0; u < U; u++) {
          const hv = h[ho + u];
          const d = (dH[ho + u] + dhNext[b * U + u]) * (1 - hv * hv);
          da[r * U + u] = d;
          dxp[ho + u] = d;
        }
      }
      backRecurrent(grads, da, q, t, b0, n, U);
    });
    return { dxp, drec: Float32Array.from(grads.drec), drecBias: null };
  };
  return { h, c: null, backward };
}

/** The SimpleRNN recurrence (see the module doc). */
export const simpleRecurrence: Recurrence = { gates: 1, recurrentBias: false, forward };
