/**
 * The GRU recurrence of Keras 3 (`reset_after`, tanh activation, sigmoid gates) over whole
 * sequences on the host, with its hand-written backward pass.
 *
 * Behaviour: per sample and timestep, `r_t = h_{t-1} · U + b_rec` is split into Keras's gates
 * z, r, h like `xp_t`; `z = σ(xp_z + r_z)`, `r = σ(xp_r + r_r)`,
 * `h̃ = tanh(xp_h + r ⊙ r_h)`, `h_t = z ⊙ h_{t-1} + (1 − z) ⊙ h̃`, from a zero state. The
 * backward pass is the chain rule through the same steps in reverse order.
 *
 * @example
 * const f = gruRecurrence.forward(xp, rec, recBias, { batch: 2, steps: 5, units: 3 });
 * f.h.length; // 30
 */
import {
  addRecurrent,
  backRecurrent,
  forEachBlock,
  sigmoid,
  type Recurrence,
  type RecurrenceForward,
  type Sizes,
} from "./recurrence";

function forward(
  xp: Float32Array,
  rec32: Float32Array,
  recBias: Float32Array | null,
  s: Sizes,
): RecurrenceForward {
  const { batch: B, steps: T, units: U } = s;
  const G = 3 * U;
  const rec = Float64Array.from(rec32);
  // Per unit: z, r, h̃ and the recurrent candidate part r_h.
  const saved = new Float64Array(B * T * 4 * U);
  const h = new Float64Array(B * T * U);
  const rh = new Float64Array(4 * G);
  const q = { s, h, rec };
  forEachBlock(s, false, (t, b0, n) => {
    for (let r = 0; r < n; r++) {
      if (recBias === null) rh.fill(0, r * G, r * G + G);
      else rh.set(recBias, r * G);
    }
    addRecurrent(rh, q, t, b0, n, G);
    for (let r = 0; r < n; r++) {
      const row = (b0 + r) * T + t;
      const xo = row * G;
      const ro = r * G;
      for (let u = 0; u < U; u++) {
        const z = sigmoid(xp[xo + u] + rh[ro + u]);
        const rg = sigmoid(xp[xo + U + u] + rh[ro + U + u]);
        const rc = rh[ro + 2 * U + u];
        const cand = Math.tanh(xp[xo + 2 * U + u] + rg * rc);
        const hPrev = t > 0 ? h[(row - 1) * U + u] : 0;
        const so = (row * U + u) * 4;
        saved[so] = z;
        saved[so + 1] = rg;
        saved[so + 2] = cand;
        saved[so + 3] = rc;
        h[row * U + u] = z * hPrev + (1 - z) * cand;
      }
    }
  });
  const backward = (dH: Float32Array) => {
    const dxp = new Float32Array(B * T * G);
    const grads = { drec: new Float64Array(U * G), dhNext: new Float64Array(B * U) };
    const dhNext = grads.dhNext;
    const drb = new Float64Array(G);
    const direct = new Float64Array(4 * U);
    const drh = new Float64Array(4 * G);
    forEachBlock(s, true, (t, b0, n) => {
      for (let r = 0; r < n; r++) {
        const b = b0 + r;
        const row = b * T + t;
        const xo = row * G;
        const ro = r * G;
        for (let u = 0; u < U; u++) {
          const k = row * U + u;
          const so = k * 4;
          const z = saved[so];
          const rg = saved[so + 1];
          const cand = saved[so + 2];
          const rc = saved[so + 3];
          const hPrev = t > 0 ? h[k - U] : 0;
          const dh = dH[k] + dhNext[b * U + u];
          const da = dh * (1 - z) * (1 - cand * cand);
          const dzPre = dh * (hPrev - cand) * z * (1 - z);
          const drPre = da * rc * rg * (1 - rg);
          dxp[xo + u] = dzPre;
          dxp[xo + U + u] = drPre;
          dxp[xo + 2 * U + u] = da;
          drh[ro + u] = dzPre;
          drh[ro + U + u] = drPre;
          drh[ro + 2 * U + u] = da * rg;
          direct[r * U + u] = dh * z;
        }
        for (let j = 0; j < G; j++) drb[j] += drh[ro + j];
      }
      if (t === 0) return;
      backRecurrent(grads, drh, q, t, b0, n, G);
      for (let i = 0; i < n * U; i++) dhNext[b0 * U + i] += direct[i];
    });
    return {
      dxp,
      drec: Float32Array.from(grads.drec),
      drecBias: recBias === null ? null : Float32Array.from(drb),
    };
  };
  return { h, c: null, backward };
}

/** The GRU recurrence (see the module doc). */
export const gruRecurrence: Recurrence = { gates: 3, recurrentBias: true, forward };
