/**
 * Adam's update of one variable as a WebAssembly SIMD loop over the wasm heap, for `FusedAdam`.
 *
 * Behaviour: `adam(x, m, v, g, n, β1, 1−β1, β2, 1−β2, 1−β1ᵗ, 1−β2ᵗ, ε, −lr)` updates n floats of
 * the variable `x` and its moments `m`, `v` in place from the gradient `g` (byte offsets), four
 * at a time and the last n mod 4 one by one, with the float32 operations of tfjs 4.22's
 * `AdamOptimizer` in its order. WebAssembly's float32 multiply, add, divide and square root are
 * correctly rounded, like the kernels tfjs runs, so the results are bit-identical to tfjs's.
 *
 * @example
 * const { exports } = new WebAssembly.Instance(new WebAssembly.Module(adamModuleBytes()), { env: { memory } });
 * exports.adam(x, m, v, g, n, 0.9, 0.1, 0.999, 0.001, 0.1, 0.001, 1e-7, -0.001);
 */
import { Code, encodeModule, type PlainOp } from "../../backend/wasmCode/encoder";
import { exportsOn } from "../../backend/wasmCode/instantiate";

/** The exported update; pointers are byte offsets, the constants float32 values. */
export type AdamKernel = (
  x: number,
  m: number,
  v: number,
  g: number,
  n: number,
  ...k: number[]
) => void;

const POINTERS = ["x", "m", "v", "g"] as const;
const CONSTANTS = ["beta1", "oneMinusBeta1", "beta2", "oneMinusBeta2", "c1", "c2", "eps", "negLr"];

/** Parameter and local indices. */
const at = {
  x: 0,
  m: 1,
  v: 2,
  g: 3,
  n: 4,
  constant: (i: number) => 5 + i, // f32 parameters
  splat: (i: number) => 13 + i, // v128 locals: the constants in four lanes
  gj: 21,
  mj: 22,
  vj: 23,
};

/** One element (`lanes` 1) or four (`lanes` 4) of the update, then the pointers advance. */
function step(code: Code, lanes: 1 | 4): void {
  const op = (name: "mul" | "add" | "div" | "sqrt") =>
    code.op(`f32${lanes === 4 ? "x4" : ""}.${name}` as PlainOp);
  const load = (p: number) => code.get(p).mem(lanes === 4 ? "v128.load" : "f32.load");
  const constant = (i: number) => code.get(lanes === 4 ? at.splat(i) : at.constant(i));
  const store = (p: number, value: number) =>
    code
      .get(p)
      .get(value)
      .mem(lanes === 4 ? "v128.store" : "f32.store");
  const [gj, mj, vj] = lanes === 4 ? [at.gj, at.mj, at.vj] : [at.gj + 3, at.mj + 3, at.vj + 3];
  load(at.g);
  code.set(gj);
  // m = m·β1 + g·(1−β1)
  load(at.m);
  constant(0);
  op("mul");
  code.get(gj);
  constant(1);
  op("mul");
  op("add");
  code.set(mj);
  // v = v·β2 + (g·g)·(1−β2)
  load(at.v);
  constant(2);
  op("mul");
  code.get(gj).get(gj);
  op("mul");
  constant(3);
  op("mul");
  op("add");
  code.set(vj);
  // x = ((m / (1−β1ᵗ)) / (sqrt(v / (1−β2ᵗ)) + ε))·(−lr) + x
  code.get(at.x);
  code.get(mj);
  constant(4);
  op("div");
  code.get(vj);
  constant(5);
  op("div");
  op("sqrt");
  constant(6);
  op("add");
  op("div");
  constant(7);
  op("mul");
  load(at.x);
  op("add");
  code.mem(lanes === 4 ? "v128.store" : "f32.store");
  store(at.m, mj);
  store(at.v, vj);
  for (const p of POINTERS) code.addConst(at[p], lanes * 4);
  code.get(at.n).i32(lanes).op("i32.sub").set(at.n);
}

/** The module's bytes: one exported function, `adam`. */
export function adamModuleBytes(): Uint8Array {
  const code = new Code();
  CONSTANTS.forEach((_, i) => code.get(at.constant(i)).op("f32x4.splat").set(at.splat(i)));
  // while (n >= 4) four lanes; while (n > 0) one.
  code.block().loop();
  code.get(at.n).i32(4).op("i32.lt_s").brIf(1);
  step(code, 4);
  code.br(0).end().end();
  code.block().loop();
  code.get(at.n).op("i32.eqz").brIf(1);
  step(code, 1);
  code.br(0).end().end();
  return encodeModule([
    {
      name: "adam",
      params: [
        ...POINTERS.map(() => "i32" as const),
        "i32",
        ...CONSTANTS.map(() => "f32" as const),
      ],
      results: [],
      locals: [
        ...CONSTANTS.map(() => "v128" as const),
        "v128",
        "v128",
        "v128",
        "f32",
        "f32",
        "f32",
      ],
      body: code,
    },
  ]);
}

/** The `adam` kernel instantiated on `memory` (once per memory), or null when it cannot be. */
export function adamKernelOn(memory: unknown): AdamKernel | null {
  return exportsOn<{ adam: AdamKernel }>(memory, "adam", adamModuleBytes)?.adam ?? null;
}
