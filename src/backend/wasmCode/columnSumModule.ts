/**
 * A column sum as a WebAssembly SIMD loop: `columnSum(x, rows, cols, out)` sets
 * out[j] = Σᵢ x[i][j] for a row-major rows×cols float32 matrix (byte offsets), four columns at a
 * time and the last cols mod 4 one by one.
 *
 * Behaviour: the sum of each column runs over i in order, one float32 addition at a time, which
 * is the order of tfjs-backend-wasm's own `Sum` after it transposes the reduced axes to the
 * inside; so the results are bit-identical to it. Rows are read in memory order.
 *
 * @example
 * const { exports } = new WebAssembly.Instance(new WebAssembly.Module(columnSumModuleBytes()), { env: { memory } });
 * exports.columnSum(x, 512, 256, out);
 */
import { Code, encodeModule, type FunctionSpec } from "./encoder";

const at = { x: 0, rows: 1, cols: 2, out: 3, i: 4, j: 5, from: 6, to: 7 };

/** out[j] ← first row, then out[j] ← out[j] + x[i][j] for every further row. */
function columnSum(): FunctionSpec {
  const code = new Code();
  const sweep = (first: boolean) => {
    // for (j = 0; j + 4 <= cols; j += 4) vector; for (; j < cols; j++) scalar
    code.i32(0).set(at.j);
    code.get(at.x).set(at.from);
    code.get(at.out).set(at.to);
    for (const lanes of [4, 1] as const) {
      code.block().loop();
      code.get(at.j).i32(lanes).op("i32.add").get(at.cols).op("i32.gt_u").brIf(1);
      const [load, store] =
        lanes === 4 ? (["v128.load", "v128.store"] as const) : (["f32.load", "f32.store"] as const);
      code.get(at.to).get(at.from).mem(load);
      if (!first)
        code
          .get(at.to)
          .mem(load)
          .op(lanes === 4 ? "f32x4.add" : "f32.add");
      code.mem(store);
      code.addConst(at.from, 4 * lanes);
      code.addConst(at.to, 4 * lanes);
      code.addConst(at.j, lanes);
      code.br(0).end().end();
    }
  };
  sweep(true);
  code.get(at.x).get(at.cols).i32(4).op("i32.mul").op("i32.add").set(at.x);
  code.i32(1).set(at.i);
  code.block().loop();
  code.get(at.i).get(at.rows).op("i32.ge_u").brIf(1);
  sweep(false);
  code.get(at.x).get(at.cols).i32(4).op("i32.mul").op("i32.add").set(at.x);
  code.addConst(at.i, 1);
  code.br(0).end().end();
  return {
    name: "columnSum",
    params: ["i32", "i32", "i32", "i32"],
    results: [],
    locals: ["i32", "i32", "i32", "i32"],
    body: code,
  };
}

/** The module's bytes: one exported function, `columnSum`. */
export function columnSumModuleBytes(): Uint8Array {
  return encodeModule([columnSum()]);
}
