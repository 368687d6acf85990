/**
 * The matrix-product kernels of the wasm GEMM, written as WebAssembly SIMD and encoded at run
 * time (`wasmCode/encoder.ts`). They run on the wasm backend's own memory, so operands are never
 * copied between JavaScript and wasm.
 *
 * Behaviour: the micro-kernel `tile` computes a 4×8 block of C = A·B from one packed block of A
 * (4 rows, k-major) and one packed panel of B (8 columns, k-major); it starts from zero or from
 * a bias and may apply ReLU when storing. `panel` runs `tile` down the full 4-row blocks of one
 * panel. `packA` packs rows of A into blocks (vector copies for a transposed A, 4×4 shuffles for
 * an untransposed one); `pack` copies 8 columns of B into a panel; `gather` packs what is left
 * one value at a time, zero-padded. With `fma` the multiply-adds use `f32x4.relaxed_madd` (one
 * rounding, as a fused multiply-add); without it `f32x4.mul` then `f32x4.add`.
 *
 * Why 4×8 and no unrolling: measured on V8 11 (x64), 5×8 and 6×8 tiles and unrolled k loops
 * spill vector registers and run at half the speed.
 *
 * @example
 * const bytes = gemmModuleBytes({ fma: false });
 * const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
 */
import { Code, encodeModule, type FunctionSpec, type ValType } from "../wasmCode/encoder";

/** Rows and columns of the block `tile` computes. */
export const TILE_ROWS = 4;
export const TILE_COLS = 8;

/** Names the parameters and locals of a function, in order, and gives their indices. */
function frame<P extends string, L extends string>(
  params: Record<P, ValType>,
  locals: Record<L, ValType>,
): { at: Record<P | L, number>; params: ValType[]; locals: ValType[] } {
  const names = [...Object.keys(params), ...Object.keys(locals)] as (P | L)[];
  const at = Object.fromEntries(names.map((n, i) => [n, i])) as Record<P | L, number>;
  return { at, params: Object.values(params), locals: Object.values(locals) };
}

const ACC = ["c00", "c01", "c10", "c11", "c20", "c21", "c30", "c31"] as const;

/**
 * `tile(a, b, k, c, ldc, bias, relu)`: C[4×8] at c (row stride ldc bytes) = bias + A·B, where A
 * is a packed block (k groups of 4 rows' values) and B a packed panel (k groups of 8 columns).
 */
function tileFunction(fma: boolean): FunctionSpec {
  const { at, params, locals } = frame(
    { a: "i32", b: "i32", k: "i32", c: "i32", ldc: "i32", bias: "i32", relu: "i32" },
    {
      splat: "v128",
      b0: "v128",
      b1: "v128",
      zero: "v128",
      ...(Object.fromEntries(ACC.map((n) => [n, "v128"])) as Record<(typeof ACC)[number], "v128">),
    },
  );
  const code = new Code();
  // Start from the bias (8 floats at `bias`) when there is one; locals start at zero.
  code.get(at.bias).if();
  for (let r = 0; r < TILE_ROWS; r++) {
    code
      .get(at.bias)
      .mem("v128.load")
      .set(at[ACC[2 * r]]);
    code
      .get(at.bias)
      .mem("v128.load", 16)
      .set(at[ACC[2 * r + 1]]);
  }
  code.end();
  const madd = (acc: number, half: number) => {
    code.get(at.splat).get(half);
    if (fma) code.get(acc).op("f32x4.relaxed_madd");
    else code.op("f32x4.mul").get(acc).op("f32x4.add");
    code.set(acc);
  };
  code.loop();
  code.get(at.b).mem("v128.load").set(at.b0);
  code.get(at.b).mem("v128.load", 16).set(at.b1);
  for (let r = 0; r < TILE_ROWS; r++) {
    code
      .get(at.a)
      .mem("v128.load32_splat", 4 * r)
      .set(at.splat);
    madd(at[ACC[2 * r]], at.b0);
    madd(at[ACC[2 * r + 1]], at.b1);
  }
  code.addConst(at.a, TILE_ROWS * 4);
  code.addConst(at.b, TILE_COLS * 4);
  code.countDown(at.k);
  code.end();
  code.get(at.relu).if();
  for (const acc of ACC) code.get(at[acc]).get(at.zero).op("f32x4.max").set(at[acc]);
  code.end();
  for (let r = 0; r < TILE_ROWS; r++) {
    code
      .get(at.c)
      .get(at[ACC[2 * r]])
      .mem("v128.store");
    code
      .get(at.c)
      .get(at[ACC[2 * r + 1]])
      .mem("v128.store", 16);
    code.addLocal(at.c, at.ldc);
  }
  return { name: "tile", params, results: [], locals, body: code };
}

/** `panel(a, blocks, b, k, c, ldc, bias, relu)`: `tile` down `blocks` packed 4-row blocks. */
function panelFunction(tileIndex: number): FunctionSpec {
  const { at, params, locals } = frame(
    { a: "i32", blocks: "i32", b: "i32", k: "i32", c: "i32", ldc: "i32", bias: "i32", relu: "i32" },
    { aBlock: "i32", cBlock: "i32" },
  );
  const code = new Code();
  code
    .get(at.k)
    .i32(4 * TILE_ROWS)
    .op("i32.mul")
    .set(at.aBlock);
  code.get(at.ldc).i32(TILE_ROWS).op("i32.mul").set(at.cBlock);
  code.get(at.blocks).op("i32.eqz").if().else();
  code.loop();
  code.get(at.a).get(at.b).get(at.k).get(at.c).get(at.ldc).get(at.bias).get(at.relu);
  code.call(tileIndex);
  code.addLocal(at.a, at.aBlock);
  code.addLocal(at.c, at.cBlock);
  code.countDown(at.blocks);
  code.end();
  code.end();
  return { name: "panel", params, results: [], locals, body: code };
}

/**
 * `gather(src, laneStride, kStride, valid, k, dst, width)`: dst[k][0…width) = the first `valid`
 * lanes, lane r of row k at src + r·laneStride + k·kStride, then zeros (never reading past lane
 * `valid`); one value at a time. Packs the edges of A (width 4) and of B (width 8).
 */
function gatherFunction(): FunctionSpec {
  const { at, params, locals } = frame(
    {
      src: "i32",
      laneStride: "i32",
      kStride: "i32",
      valid: "i32",
      k: "i32",
      dst: "i32",
      width: "i32",
    },
    { r: "i32", from: "i32" },
  );
  const code = new Code();
  code.get(at.k).op("i32.eqz").if().else();
  code.loop();
  code.i32(0).set(at.r);
  code.get(at.src).set(at.from);
  code.loop();
  code.get(at.r).get(at.valid).op("i32.lt_u").if();
  code.get(at.dst).get(at.from).mem("f32.load").mem("f32.store");
  code.else();
  code.get(at.dst).f32(0).mem("f32.store");
  code.end();
  code.addLocal(at.from, at.laneStride);
  code.addConst(at.dst, 4);
  code.get(at.r).i32(1).op("i32.add").tee(at.r).get(at.width).op("i32.ne").brIf(0);
  code.end();
  code.addLocal(at.src, at.kStride);
  code.countDown(at.k);
  code.end();
  code.end();
  return { name: "gather", params, results: [], locals, body: code };
}

/** Locals `transpose4x4` uses: two pointers, a stride and four vectors. */
interface TransposeLocals {
  from: number;
  stride: number;
  to: number;
  r0: number;
  r1: number;
  r2: number;
  r3: number;
}

/**
 * Loads four vectors, rows `first`…`first+3` at `from` + row·stride (4 consecutive k each),
 * transposes them with shuffles and stores the q-th column (the 4 rows' values at k + q) at
 * `to` + q·qStride + offset.
 */
function transpose4x4(
  code: Code,
  at: TransposeLocals,
  first: number,
  qStride: number,
  offset: number,
) {
  const rows = [at.r0, at.r1, at.r2, at.r3];
  rows.forEach((local, r) => {
    code.get(at.from);
    if (first + r > 0)
      code
        .get(at.stride)
        .i32(first + r)
        .op("i32.mul")
        .op("i32.add");
    code.mem("v128.load").set(local);
  });
  // r0 ← a0 b0 a1 b1, r1 ← a2 b2 a3 b3, r2 ← c0 d0 c1 d1, r3 ← c2 d2 c3 d3
  code.get(at.r0).get(at.r1).shuffle32([0, 4, 1, 5]);
  code.get(at.r0).get(at.r1).shuffle32([2, 6, 3, 7]).set(at.r1).set(at.r0);
  code.get(at.r2).get(at.r3).shuffle32([0, 4, 1, 5]);
  code.get(at.r2).get(at.r3).shuffle32([2, 6, 3, 7]).set(at.r3).set(at.r2);
  const columns: Array<[number, number, [number, number, number, number]]> = [
    [at.r0, at.r2, [0, 1, 4, 5]],
    [at.r0, at.r2, [2, 3, 6, 7]],
    [at.r1, at.r3, [0, 1, 4, 5]],
    [at.r1, at.r3, [2, 3, 6, 7]],
  ];
  columns.forEach(([x, y, lanes], q) => {
    code
      .get(at.to)
      .get(x)
      .get(y)
      .shuffle32(lanes)
      .mem("v128.store", q * qStride + offset);
  });
}

/**
 * `packA(src, rowStride, kStride, rows, k, dst)`: all `rows` rows of A into packed 4-row blocks
 * (k·16 bytes each, the last zero-padded). Whole blocks of a transposed A (its 4 rows side by
 * side) are copied by vectors; whole blocks of an untransposed A are transposed 4×4 at a time.
 */
function packAFunction(gatherIndex: number): FunctionSpec {
  const { at, params, locals } = frame(
    { src: "i32", rowStride: "i32", kStride: "i32", rows: "i32", k: "i32", dst: "i32" },
    { from: "i32", to: "i32", left: "i32", r0: "v128", r1: "v128", r2: "v128", r3: "v128" },
  );
  const code = new Code();
  code.block().loop(); // over blocks
  code.get(at.rows).i32(0).op("i32.le_s").brIf(1);
  code.get(at.src).set(at.from);
  code.get(at.dst).set(at.to);
  code.get(at.k).set(at.left);
  code.get(at.rows).i32(TILE_ROWS).op("i32.lt_s").if();
  code.get(at.from).get(at.rowStride).get(at.kStride).get(at.rows).get(at.left).get(at.to);
  code.i32(TILE_ROWS).call(gatherIndex);
  code.else();
  code.get(at.rowStride).i32(4).op("i32.eq").if();
  // Transposed A: the block's 4 values at each k are contiguous.
  code.loop();
  code.get(at.to).get(at.from).mem("v128.load").mem("v128.store");
  code.addLocal(at.from, at.kStride);
  code.addConst(at.to, 16);
  code.countDown(at.left);
  code.end();
  code.else();
  code.get(at.kStride).i32(4).op("i32.eq").if();
  // Untransposed A: 4 rows × 4 k by vectors, transposed with shuffles.
  code.block().loop();
  code.get(at.left).i32(4).op("i32.lt_u").brIf(1);
  transpose4x4(code, { ...at, stride: at.rowStride }, 0, 16, 0);
  code.addConst(at.from, 16);
  code.addConst(at.to, 64);
  code.get(at.left).i32(4).op("i32.sub").set(at.left);
  code.br(0).end().end();
  code.end();
  // What is left: the k tail of an untransposed block, or a block with other strides.
  code.get(at.from).get(at.rowStride).get(at.kStride).i32(TILE_ROWS).get(at.left).get(at.to);
  code.i32(TILE_ROWS).call(gatherIndex);
  code.end();
  code.end();
  code.get(at.src).get(at.rowStride).i32(TILE_ROWS).op("i32.mul").op("i32.add").set(at.src);
  code
    .get(at.dst)
    .get(at.k)
    .i32(4 * TILE_ROWS)
    .op("i32.mul")
    .op("i32.add")
    .set(at.dst);
  code.get(at.rows).i32(TILE_ROWS).op("i32.sub").set(at.rows);
  code.br(0).end().end();
  return { name: "packA", params, results: [], locals, body: code };
}

/**
 * `pack(src, kStride, jStride, k, cols, dst)`: dst[k][0…8) = B[k][0…cols) then zeros, with
 * B[k][j] at src + k·kStride + j·jStride. Whole contiguous panels are copied by vectors, whole
 * panels of a transposed B are transposed 4×4 with shuffles, the rest goes through `gather`.
 */
function packFunction(gatherIndex: number): FunctionSpec {
  const { at, params, locals } = frame(
    { src: "i32", kStride: "i32", jStride: "i32", k: "i32", cols: "i32", dst: "i32" },
    { r0: "v128", r1: "v128", r2: "v128", r3: "v128" },
  );
  const code = new Code();
  code.get(at.cols).i32(TILE_COLS).op("i32.eq").get(at.jStride).i32(4).op("i32.eq");
  code.op("i32.and").if();
  code.loop();
  code.get(at.dst).get(at.src).mem("v128.load").mem("v128.store");
  code.get(at.dst).get(at.src).mem("v128.load", 16).mem("v128.store", 16);
  code.addLocal(at.src, at.kStride);
  code.addConst(at.dst, TILE_COLS * 4);
  code.countDown(at.k);
  code.end();
  code.else();
  code.get(at.cols).i32(TILE_COLS).op("i32.eq").get(at.kStride).i32(4).op("i32.eq");
  code.op("i32.and").if();
  // Transposed B (8 rows of Bᵀ, k contiguous): 4 k at a time, two 4×4 transposes.
  code.block().loop();
  code.get(at.k).i32(4).op("i32.lt_u").brIf(1);
  transpose4x4(code, { ...at, from: at.src, stride: at.jStride, to: at.dst }, 0, 32, 0);
  transpose4x4(code, { ...at, from: at.src, stride: at.jStride, to: at.dst }, 4, 32, 16);
  code.addConst(at.src, 16);
  code.addConst(at.dst, 4 * TILE_COLS * 4);
  code.get(at.k).i32(4).op("i32.sub").set(at.k);
  code.br(0).end().end();
  code.end();
  // What is left: the k tail of a transposed panel, or a panel with other strides or columns.
  code.get(at.src).get(at.jStride).get(at.kStride).get(at.cols).get(at.k).get(at.dst);
  code.i32(TILE_COLS).call(gatherIndex);
  code.end();
  return { name: "pack", params, results: [], locals, body: code };
}

/** The module's bytes; `fma` selects `f32x4.relaxed_madd` (relaxed SIMD). */
export function gemmModuleBytes(options: { fma: boolean }): Uint8Array {
  return encodeModule([
    tileFunction(options.fma),
    panelFunction(0),
    packFunction(3),
    gatherFunction(),
    packAFunction(3),
  ]);
}
