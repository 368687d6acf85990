/**
 * The host side of a fused recurrent layer: the shapes, the interface each cell's recurrence
 * implements, and the small vector–matrix products they share.
 *
 * Behaviour: a recurrence runs a whole batch of sequences in JavaScript, one sample after the
 * other. Its input is the input projection `xp = x · kernel (+ bias)` of every timestep,
 * `[batch, timesteps, gates·units]` in row-major order; it returns every hidden state (and the
 * LSTM's cell states) plus a `backward` that turns the gradients of those states into the
 * gradients of `xp`, of the recurrent kernel and of the recurrent bias. Intermediate values are
 * kept in float64; the tensors made from them are float32. The loops run timestep by timestep
 * over blocks of four samples (`Rows`).
 *
 * @example
 * const out = { data: new Float64Array(4), off: 0, stride: 4, n: 1 };
 * const v = { data: Float64Array.of(1, 2), off: 0, stride: 2, n: 1 };
 * addRowsTimes(out, v, Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0), 2, 4);
 * out.data; // [1, 2, 0, 0]
 */

/** Batch size, timesteps and units of one call. */
export interface Sizes {
  batch: number;
  steps: number;
  units: number;
}

/** Gradients of one call's inputs. */
export interface RecurrenceGrads {
  /** `[batch, timesteps, gates·units]`. */
  dxp: Float32Array;
  /** `[units, gates·units]`. */
  drec: Float32Array;
  /** `[gates·units]`, or null when the cell has no recurrent bias. */
  drecBias: Float32Array | null;
}

/** The result of a forward pass, with what its backward pass needs. */
export interface RecurrenceForward {
  /** Hidden states `[batch, timesteps, units]`. */
  h: Float64Array;
  /** Cell states `[batch, timesteps, units]` (LSTM), else null. */
  c: Float64Array | null;
  /** Gradients from `dH` (and `dC`), both `[batch, timesteps, units]`. */
  backward(dH: Float32Array, dC: Float32Array | null): RecurrenceGrads;
}

/** One cell kind's recurrence over a whole sequence. */
export interface Recurrence {
  /** Gate blocks in the kernels' last axis (SimpleRNN 1, GRU 3, LSTM 4). */
  gates: number;
  /** Whether the recurrent product has its own bias (Keras's GRU with `reset_after`). */
  recurrentBias: boolean;
  forward(
    xp: Float32Array,
    rec: Float32Array,
    recBias: Float32Array | null,
    sizes: Sizes,
  ): RecurrenceForward;
}

/**
 * Up to four rows of a matrix stored in a flat array: row r starts at `off + r · stride`.
 * Working on four rows at once reads each weight once for four multiply–adds, which is what
 * makes these loops about twice as fast as one row at a time.
 */
export interface Rows {
  data: Float64Array;
  off: number;
  stride: number;
  /** 1 to 4. */
  n: number;
}

/** `out_r[j] += Σ_k v_r[k] · m[k, j]` for an `[inner, cols]` matrix `m`. */
export function addRowsTimes(out: Rows, v: Rows, m: Float64Array, inner: number, cols: number) {
  const o = out.data;
  const x = v.data;
  if (v.n === 4) {
    const [o0, o1, o2, o3] = [0, 1, 2, 3].map((r) => out.off + r * out.stride);
    for (let k = 0; k < inner; k++) {
      const a = x[v.off + k];
      const b = x[v.off + v.stride + k];
      const c = x[v.off + 2 * v.stride + k];
      const d = x[v.off + 3 * v.stride + k];
      const base = k * cols;
      for (let j = 0; j < cols; j++) {
        const w = m[base + j];
        o[o0 + j] += a * w;
        o[o1 + j] += b * w;
        o[o2 + j] += c * w;
        o[o3 + j] += d * w;
      }
    }
    return;
  }
  for (let r = 0; r < v.n; r++) {
    const oo = out.off + r * out.stride;
    const vo = v.off + r * v.stride;
    for (let k = 0; k < inner; k++) {
      const a = x[vo + k];
      const base = k * cols;
      for (let j = 0; j < cols; j++) o[oo + j] += a * m[base + j];
    }
  }
}

/** `out_r[k] = Σ_j d_r[j] · m[k, j]` (the product with the transposed `[rows, cols]` matrix). */
export function rowsTimesTransposed(
  out: Rows,
  d: Rows,
  m: Float64Array,
  rows: number,
  cols: number,
) {
  const o = out.data;
  const x = d.data;
  for (let k = 0; k < rows; k++) {
    const base = k * cols;
    if (d.n === 4) {
      const [d0, d1, d2, d3] = [0, 1, 2, 3].map((r) => d.off + r * d.stride);
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < cols; j++) {
        const w = m[base + j];
        s0 += x[d0 + j] * w;
        s1 += x[d1 + j] * w;
        s2 += x[d2 + j] * w;
        s3 += x[d3 + j] * w;
      }
      o[out.off + k] = s0;
      o[out.off + out.stride + k] = s1;
      o[out.off + 2 * out.stride + k] = s2;
      o[out.off + 3 * out.stride + k] = s3;
      continue;
    }
    for (let r = 0; r < d.n; r++) {
      const dr = d.off + r * d.stride;
      let s = 0;
      for (let j = 0; j < cols; j++) s += x[dr + j] * m[base + j];
      o[out.off + r * out.stride + k] = s;
    }
  }
}

/** `acc[k, j] += Σ_r v_r[k] · d_r[j]` (outer products of the rows, accumulated). */
export function addOuterRows(acc: Float64Array, v: Rows, d: Rows, rows: number, cols: number) {
  const x = v.data;
  const y = d.data;
  const [d0, d1, d2, d3] = [0, 1, 2, 3].map((r) => d.off + r * d.stride);
  for (let k = 0; k < rows; k++) {
    const base = k * cols;
    if (v.n === 4) {
      const a = x[v.off + k];
      const b = x[v.off + v.stride + k];
      const c = x[v.off + 2 * v.stride + k];
      const e = x[v.off + 3 * v.stride + k];
      for (let j = 0; j < cols; j++) {
        acc[base + j] += a * y[d0 + j] + b * y[d1 + j] + c * y[d2 + j] + e * y[d3 + j];
      }
      continue;
    }
    for (let r = 0; r < v.n; r++) {
      const a = x[v.off + r * v.stride + k];
      const dr = d.off + r * d.stride;
      for (let j = 0; j < cols; j++) acc[base + j] += a * y[dr + j];
    }
  }
}

/** The logistic sigmoid `1 / (1 + e^-x)`. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Calls `block(t, b0, n)` for every timestep (last to first when `reverse`) and every block of
 * up to four samples `b0 … b0 + n − 1`.
 */
export function forEachBlock(
  s: Sizes,
  reverse: boolean,
  block: (t: number, b0: number, n: number) => void,
): void {
  for (let i = 0; i < s.steps; i++) {
    const t = reverse ? s.steps - 1 - i : i;
    for (let b0 = 0; b0 < s.batch; b0 += 4) block(t, b0, Math.min(4, s.batch - b0));
  }
}

/** What every step of one call reads: the sizes, all hidden states and the recurrent kernel. */
export interface Sequence {
  s: Sizes;
  /** Hidden states `[batch, timesteps, units]` (filled timestep by timestep going forward). */
  h: Float64Array;
  /** The recurrent kernel `[units, cols]` in float64. */
  rec: Float64Array;
}

/** The block's hidden states of timestep t − 1, as rows of `h`. */
function previous(q: Sequence, t: number, b0: number, n: number): Rows {
  const { steps, units } = q.s;
  return { data: q.h, off: (b0 * steps + t - 1) * units, stride: steps * units, n };
}

/** Adds `h_{t−1} · rec` to the block's rows of `out` (`cols` wide); nothing at t = 0. */
export function addRecurrent(
  out: Float64Array,
  q: Sequence,
  t: number,
  b0: number,
  n: number,
  cols: number,
): void {
  if (t === 0) return;
  const rows = { data: out, off: 0, stride: cols, n };
  addRowsTimes(rows, previous(q, t, b0, n), q.rec, q.s.units, cols);
}

/** The block's rows of `out` set to `xp_t + h_{t−1} · rec` (`cols` wide). */
export function blockInput(
  out: Float64Array,
  xp: Float32Array,
  q: Sequence,
  t: number,
  b0: number,
  n: number,
  cols: number,
): void {
  for (let r = 0; r < n; r++) {
    const xo = ((b0 + r) * q.s.steps + t) * cols;
    out.set(xp.subarray(xo, xo + cols), r * cols);
  }
  addRecurrent(out, q, t, b0, n, cols);
}

/**
 * The backward pass of `h_{t−1} · rec` for a block whose gradients before the activations are
 * the rows of `d` (`cols` wide): adds `h_{t−1}ᵀ · d` to `drec` and sets the block's rows of
 * `dhNext` (`[batch, units]`) to `d · recᵀ`. Nothing at t = 0, where the state is the zero start.
 */
export function backRecurrent(
  grads: { drec: Float64Array; dhNext: Float64Array },
  d: Float64Array,
  q: Sequence,
  t: number,
  b0: number,
  n: number,
  cols: number,
): void {
  if (t === 0) return;
  const units = q.s.units;
  const rows = { data: d, off: 0, stride: cols, n };
  addOuterRows(grads.drec, previous(q, t, b0, n), rows, units, cols);
  const next = { data: grads.dhNext, off: b0 * units, stride: units, n };
  rowsTimesTransposed(next, rows, q.rec, units, cols);
}
