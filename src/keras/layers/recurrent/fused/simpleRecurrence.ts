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
  addOuterRows,
  addRowsTimes,
  rowsTimesTransposed,
  type Recurrence,
  type RecurrenceForward,
  type Sizes,
} from "./recurrence";

function forward(xp: Float32Array, rec32: Float32Array, _b: unknown, s: Sizes): RecurrenceForward {
  const { batch: B, steps: T, units: U } = s;
  const rec = Float64Array.from(rec32);
  const h = new Float64Array(B * T * U);
  const a = new Float64Array(4 * U);
  for (let t = 0; t < T; t++) {
    for (let b0 = 0; b0 < B; b0 += 4) {
      const n = Math.min(4, B - b0);
      for (let r = 0; r < n; r++) {
        const xo = ((b0 + r) * T + t) * U;
        a.set(xp.subarray(xo, xo + U), r * U);
      }
      if (t > 0) {
        const prev = { data: h, off: (b0 * T + t - 1) * U, stride: T * U, n };
        addRowsTimes({ data: a, off: 0, stride: U, n }, prev, rec, U, U);
      }
      for (let r = 0; r < n; r++) {
        const ho = ((b0 + r) * T + t) * U;
        for (let u = 0; u < U; u++) h[ho + u] = Math.tanh(a[r * U + u]);
      }
    }
  }
  const backward = (dH: Float32Array) => {
    const dxp = new Float32Array(B * T * U);
    const drec = new Float64Array(U * U);
    const dhNext = new Float64Array(B * U);
    const da = new Float64Array(4 * U);
    for (let t = T - 1; t >= 0; t--) {
      for (let b0 = 0; b0 < B; b0 += 4) {
        const n = Math.min(4, B - b0);
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
        if (t > 0) {
          const d = { data: da, off: 0, stride: U, n };
          const prev = { data: h, off: (b0 * T + t - 1) * U, stride: T * U, n };
          addOuterRows(drec, prev, d, U, U);
          rowsTimesTransposed({ data: dhNext, off: b0 * U, stride: U, n }, d, rec, U, U);
        }
      }
    }
    return { dxp, drec: Float32Array.from(drec), drecBias: null };
  };
  return { h, c: null, backward };
}

/** The SimpleRNN recurrence (see the module doc). */
export const simpleRecurrence: Recurrence = { gates: 1, recurrentBias: false, forward };
