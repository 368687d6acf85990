/**
 * `FusedAdam`: tfjs's `AdamOptimizer` whose update, on the wasm backend, is one SIMD loop per
 * variable over the wasm heap (`adamModule.ts`) instead of about ten small kernels per variable
 * per step.
 *
 * Behaviour: when the backend is `wasm` and every variable, gradient and moment is float32 and
 * of the variable's shape, each variable is updated in place by the SIMD loop (`simd`, default
 * true), with the float32 operations of tfjs 4.22's `AdamOptimizer` in its order (`1 − β1`,
 * `−lr`… rounded as tfjs's scalars are), so the values are bit-identical to tfjs's. When a
 * buffer is shared with another tensor, or `simd` is off, variables of at most `loopMaxSize`
 * (8192) elements take a JavaScript loop with the same operations (`Math.fround` after each) and
 * larger ones tfjs's kernels in the same order. Buffers no other tensor uses are written in
 * place (then `forgetCached`, so the XNNPACK weights cached for `matMul` / `conv2d` are
 * rebuilt); a buffer shared with another tensor (a `reshape` or `clone` kept alive, a tensor
 * given to `setWeights`) is left as it is and the variable gets new values through `assign`. On another backend or dtype tfjs's own
 * update runs. The state is tfjs's (`accumulatedFirstMoment`, `accumulatedSecondMoment`,
 * `accBeta1`, `accBeta2`, `iterations`), so `getWeights` / `setWeights`, saving and
 * `getClassName()` (`"Adam"`) are unchanged. As in tfjs, the gradients are not disposed here.
 *
 * @example
 * const opt = new FusedAdam(0.001, 0.9, 0.999, 1e-7);
 * opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar); // same numbers as tf.train.adam(...)
 */
import * as tf from "@tensorflow/tfjs";
import { adamKernelOn } from "./adamModule";
import { assignFresh, forgetCached, onHeap, ownsBuffer, wasmHeap, type WasmHeap } from "./wasmHeap";

/** What `minimize` passes (tfjs's `AdamOptimizer` types it as a map of variables). */
type Gradients = Parameters<tf.Optimizer["applyGradients"]>[0];
type AdamGradients = Parameters<tf.AdamOptimizer["applyGradients"]>[0];

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** tfjs's private `AdamOptimizer` fields, reused so that its state handling keeps working. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: (Slot | undefined)[];
  accumulatedSecondMoment: (Slot | undefined)[];
}

/** The float32 scalars of one step, as tfjs's kernels see them. */
interface Constants {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  negLr: number;
}

/**
 * Largest variable updated by the loop. The loop costs ~5 µs + ~14 ns per element, tfjs's ten
 * kernels ~100 µs + ~4.5 ns per element (wasm SIMD, Node 20, 2 cores): they break even near
 * 10 000 elements, so bigger variables (a 784×256 kernel) keep tfjs's kernels.
 */
export const LOOP_MAX_SIZE = 8192;

const f = Math.fround;

function gradientList(grads: Gradients): { name: string; gradient: tf.Tensor | null }[] {
  return Array.isArray(grads)
    ? grads.map((g) => ({ name: g.name, gradient: g.tensor ?? null }))
    : Object.keys(grads).map((name) => ({ name, gradient: grads[name] ?? null }));
}

/** One Adam step of one variable, as tfjs's kernels compute it, element by element. */
function loopUpdate(heap: WasmHeap, targets: tf.Variable[], gradient: tf.Tensor, k: Constants) {
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, negLr } = k;
  const { oneMinusAccBeta1: c1, oneMinusAccBeta2: c2 } = k;
  const own = targets.map((t) => ownsBuffer(heap, t, gradient));
  // Views right before the loop: nothing allocates on the wasm heap until it ends.
  const [x, m0, v0] = targets.map((t) => heap.typedArrayFromHeap(t));
  const g = heap.typedArrayFromHeap(gradient);
  const [xOut, mOut, vOut] = [x, m0, v0].map((a, i) => (own[i] ? a : new Float32Array(a.length)));
  for (let j = 0; j < x.length; j++) {
    const gj = g[j];
    const mj = f(f(m0[j] * beta1) + f(gj * oneMinusBeta1));
    const vj = f(f(v0[j] * beta2) + f(f(gj * gj) * oneMinusBeta2));
    const mHat = f(mj / c1);
    const vHat = f(vj / c2);
    const delta = f(f(mHat / f(f(Math.sqrt(vHat)) + epsilon)) * negLr);
    mOut[j] = mj;
    vOut[j] = vj;
    xOut[j] = delta + x[j];
  }
  [xOut, mOut, vOut].forEach((out, i) => {
    if (own[i]) forgetCached(heap, targets[i]);
    else assignFresh(targets[i], out);
  });
}

/** The step by the wasm SIMD kernel, in place; false (nothing done) when it cannot run here. */
function simdUpdate(heap: WasmHeap, targets: tf.Variable[], gradient: tf.Tensor, k: Constants) {
  const kernel = adamKernelOn(heap.wasm.asm?.memory);
  if (kernel === null || !targets.every((t) => ownsBuffer(heap, t, gradient))) return false;
  const [x, m, v, g] = [...targets, gradient].map((t) => heap.dataIdMap.get(t.dataId).memoryOffset);
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, negLr } = k;
  const { oneMinusAccBeta1: c1, oneMinusAccBeta2: c2 } = k;
  kernel(
    x,
    m,
    v,
    g,
    targets[0].size,
    beta1,
    oneMinusBeta1,
    beta2,
    oneMinusBeta2,
    c1,
    c2,
    epsilon,
    negLr,
  );
  for (const t of targets) forgetCached(heap, t);
  return true;
}

/** The same step with tfjs's kernels, in tfjs's order (for variables above `loopMaxSize`). */
function kernelUpdate([value, m, v]: tf.Variable[], gradient: tf.Tensor, k: Constants): void {
  tf.tidy(() => {
    const newM = tf.add(tf.mul(m, k.beta1), tf.mul(gradient, k.oneMinusBeta1));
    const newV = tf.add(tf.mul(v, k.beta2), tf.mul(tf.square(gradient), k.oneMinusBeta2));
    const mHat = tf.div(newM, k.oneMinusAccBeta1);
    const vHat = tf.div(newV, k.oneMinusAccBeta2);
    m.assign(newM);
    v.assign(newV);
    value.assign(tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), k.epsilon)), k.negLr), value));
  });
}

/** tfjs's Adam, fused into one loop per variable on the wasm backend (see the file comment). */
export class FusedAdam extends tf.AdamOptimizer {
  /** tfjs's name, so that serialisation and `summary` treat it as Adam. */
  static override get className(): string {
    return "Adam";
  }

  /** Update with the wasm SIMD kernel where every buffer is the variable's own [true]. */
  simd = true;

  /** Largest variable (in elements) the JavaScript loop updates; larger ones use tfjs's kernels. */
  loopMaxSize = LOOP_MAX_SIZE;

  constructor(learningRate: number, beta1: number, beta2: number, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
  }

  override applyGradients(variableGradients: Gradients): void {
    const heap = wasmHeap();
    const list = gradientList(variableGradients);
    if (heap === null || !this.fusable(heap, list)) {
      super.applyGradients(variableGradients as AdamGradients);
      return;
    }
    const s = this as unknown as AdamState;
    const acc1 = heap.typedArrayFromHeap(s.accBeta1)[0];
    const acc2 = heap.typedArrayFromHeap(s.accBeta2)[0];
    const k: Constants = {
      beta1: f(this.beta1),
      oneMinusBeta1: f(1 - this.beta1),
      beta2: f(this.beta2),
      oneMinusBeta2: f(1 - this.beta2),
      oneMinusAccBeta1: f(1 - acc1),
      oneMinusAccBeta2: f(1 - acc2),
      epsilon: f(this.epsilon),
      negLr: f(-this.learningRate),
    };
    const registered = tf.engine().registeredVariables;
    list.forEach(({ name, gradient }, i) => {
      const value = registered[name];
      const zeros = () => tf.tidy(() => tf.zerosLike(value).variable(false));
      const m = (s.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: zeros() });
      const v = (s.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: zeros() });
      if (gradient === null) return;
      const targets = [value, m.variable, v.variable];
      if (this.simd && simdUpdate(heap, targets, gradient, k)) return;
      if (value.size > this.loopMaxSize) kernelUpdate(targets, gradient, k);
      else loopUpdate(heap, targets, gradient, k);
    });
    this.scaleAccBeta(heap, s.accBeta1, acc1, k.beta1);
    this.scaleAccBeta(heap, s.accBeta2, acc2, k.beta2);
    this.incrementIterations();
  }

  /** True when every tensor of the step can be read (and written) on the wasm heap. */
  private fusable(heap: WasmHeap, list: { name: string; gradient: tf.Tensor | null }[]): boolean {
    const s = this as unknown as AdamState;
    if (!onHeap(heap, s.accBeta1) || !onHeap(heap, s.accBeta2)) return false;
    const registered = tf.engine().registeredVariables;
    return list.every(({ name, gradient }, i) => {
      const value = registered[name] as tf.Variable | undefined;
      if (value === undefined || !onHeap(heap, value)) return false;
      const shape = value.shape;
      const slots = [s.accumulatedFirstMoment[i], s.accumulatedSecondMoment[i]];
      return (
        (gradient === null || onHeap(heap, gradient, shape)) &&
        slots.every((slot) => slot === undefined || onHeap(heap, slot.variable, shape))
      );
    });
  }

  /** `acc ← acc · β` (tfjs's `accBeta.assign(mul(accBeta, beta))`). */
  private scaleAccBeta(heap: WasmHeap, acc: tf.Variable, old: number, beta: number): void {
    const next = f(old * beta);
    if (ownsBuffer(heap, acc)) {
      heap.typedArrayFromHeap(acc)[0] = next;
      forgetCached(heap, acc);
    } else assignFresh(acc, Float32Array.of(next));
  }
}
