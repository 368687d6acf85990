/**
 * Matrix products C = A·B (+ bias, then ReLU) on a wasm memory, with the SIMD kernels of
 * `gemmModule.ts`. Used by the wasm backend's matMul kernels (`gemmKernel.ts`).
 *
 * Behaviour: B is packed into 8-column panels; then A, one chunk of rows at a time (about
 * 128 KB, which stays in the L2 cache), is packed into 4-row blocks and every panel runs the 4×8
 * micro-kernel down the chunk. When all of A fits in one chunk (32 rows of 784, a training
 * batch) and B's panels are not kept, each panel is packed right before its tiles run, into
 * one buffer that stays in the L1 cache: 32×784·784×256 went from 28 to 43 GFLOP/s. Transposed
 * operands only change how they are packed. The last columns (past a multiple of 8) are computed
 * into an 8-wide strip and copied out; the last rows (past a multiple of 4) go through a 4×8
 * scratch tile. Sums run over k in order, so each output is the same for any shape of the rest
 * of the product. Relaxed SIMD's fused multiply-add is used when
 * the engine validates it (on Node 20 after enabling V8's `--experimental-wasm-relaxed-simd`,
 * which Node 22 ships on); otherwise separate multiply and add.
 *
 * @example
 * const g = new Gemm(heap); // heap: { memory, malloc, free }
 * g.multiply({ a, b, c, m: 512, k: 784, n: 256, transposeA: false, transposeB: false, bias: 0, relu: true });
 */
import * as v8 from "node:v8";
import { gemmModuleBytes, TILE_COLS, TILE_ROWS } from "./gemmModule";
import { webAssembly, type WasmMemory } from "../wasmCode/webAssembly";

/** The wasm memory and allocator the products run on (the wasm backend's). */
export interface GemmHeap {
  memory: WasmMemory;
  malloc(bytes: number): number;
  free(pointer: number): void;
}

/** One product; pointers are byte offsets into the heap, `bias` 0 for none. */
export interface Product {
  a: number;
  b: number;
  c: number;
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
  bias: number;
  relu: boolean;
  /** Identifies B's values for `keepPanels` (the tensor's dataId). */
  bKey?: object;
}

interface GemmExports {
  tile(...args: number[]): void;
  panel(...args: number[]): void;
  pack(...args: number[]): void;
  packA(...args: number[]): void;
}

/** Whether the engine runs relaxed SIMD, enabling it in V8 when it only sits behind a flag. */
function relaxedSimdAvailable(): boolean {
  const bytes = gemmModuleBytes({ fma: true });
  if (webAssembly.validate(bytes)) return true;
  try {
    v8.setFlagsFromString("--experimental-wasm-relaxed-simd");
  } catch {
    return false;
  }
  return webAssembly.validate(bytes);
}

/**
 * Rows of A per pass over all of B: a multiple of 4 whose rows fill about 128 KB, so they stay in
 * the L2 cache while every panel of B passes them.
 */
function chunkRows(k: number): number {
  return Math.max(TILE_ROWS, Math.floor(32768 / k / TILE_ROWS) * TILE_ROWS);
}

let fmaDefault: boolean | undefined;

/** A compiled GEMM on one heap. */
export class Gemm {
  private readonly kernels: GemmExports;
  private kept: Map<object, { at: number; shape: string }> | null = null;

  /** @param fma Use fused multiply-add; by default when the engine has relaxed SIMD. */
  constructor(
    private readonly heap: GemmHeap,
    readonly fma: boolean = (fmaDefault ??= relaxedSimdAvailable()),
  ) {
    const module = new webAssembly.Module(gemmModuleBytes({ fma }));
    const instance = new webAssembly.Instance(module, { env: { memory: heap.memory } });
    this.kernels = instance.exports as unknown as GemmExports;
  }

  /** Computes one product into `p.c` (m×n, row-major). */
  multiply(p: Product): void {
    const { m, k, n } = p;
    const aRow = p.transposeA ? 4 : k * 4;
    const aStep = p.transposeA ? m * 4 : 4;
    const bK = p.transposeB ? 4 : n * 4;
    const bJ = p.transposeB ? k * 4 : 4;
    const panels = Math.ceil(n / TILE_COLS);
    const panelBytes = k * TILE_COLS * 4;
    const blockBytes = k * TILE_ROWS * 4;
    const chunk = Math.min(chunkRows(k), Math.ceil(m / TILE_ROWS) * TILE_ROWS);
    const tileBytes = TILE_ROWS * TILE_COLS * 4;
    const shape = `${p.b}:${k}×${n}${p.transposeB ? "ᵀ" : ""}`;
    const kept = p.bKey === undefined ? undefined : this.kept?.get(p.bKey);
    const reuse = kept !== undefined && kept.shape === shape;
    const keep = !reuse && p.bKey !== undefined && this.kept !== null;
    const partial = n % TILE_COLS !== 0;
    const stripBytes = partial ? chunk * TILE_COLS * 4 : 0;
    const scratch = this.alloc(chunk * k * 4 + tileBytes + panels * TILE_COLS * 4 + stripBytes);
    const packedA = scratch;
    const tile = packedA + chunk * k * 4;
    const biases = tile + tileBytes;
    const strip = biases + panels * TILE_COLS * 4;
    const relu = p.relu ? 1 : 0;
    // One pass over A (m within a chunk) and B not kept: each panel is packed right before its
    // tiles use it, into one buffer that stays in L1, instead of packing all of B first.
    const streamed = !reuse && !keep && m <= chunk;
    let bPanels = reuse ? kept.at : 0;
    try {
      if (!reuse) bPanels = this.alloc(streamed ? panelBytes : panels * panelBytes);
      const packPanel = (j: number, to: number) => {
        const cols = Math.min(TILE_COLS, n - j * TILE_COLS);
        this.kernels.pack(p.b + j * TILE_COLS * bJ, bK, bJ, k, cols, to);
      };
      for (let j = 0; j < panels && !reuse && !streamed; j++)
        packPanel(j, bPanels + j * panelBytes);
      if (keep && p.bKey !== undefined) {
        const old = this.kept?.get(p.bKey);
        if (old !== undefined) this.heap.free(old.at);
        this.kept?.set(p.bKey, { at: bPanels, shape });
      }
      if (p.bias !== 0) this.padBias(p.bias, n, biases);
      for (let i0 = 0; i0 < m; i0 += chunk) {
        const rows = Math.min(chunk, m - i0);
        this.kernels.packA(p.a + i0 * aRow, aRow, aStep, rows, k, packedA);
        const blocks = Math.ceil(rows / TILE_ROWS);
        const fullBlocks = Math.floor(rows / TILE_ROWS);
        for (let j = 0; j < panels; j++) {
          const j0 = j * TILE_COLS;
          const cols = Math.min(TILE_COLS, n - j0);
          const panel = streamed ? bPanels : bPanels + j * panelBytes;
          if (streamed) packPanel(j, panel);
          const bias = p.bias === 0 ? 0 : biases + j0 * 4;
          const c = p.c + (i0 * n + j0) * 4;
          if (cols === TILE_COLS) {
            this.kernels.panel(packedA, fullBlocks, panel, k, c, n * 4, bias, relu);
          } else {
            // The last columns: whole blocks into an 8-wide strip, then copied out in one pass.
            this.kernels.panel(packedA, fullBlocks, panel, k, strip, TILE_COLS * 4, bias, relu);
            this.copyRows(strip, c, n, fullBlocks * TILE_ROWS, cols);
          }
          // The last rows (past a multiple of 4) go through the scratch tile.
          for (let block = fullBlocks; block < blocks; block++) {
            const a = packedA + block * blockBytes;
            this.kernels.tile(a, panel, k, tile, TILE_COLS * 4, bias, relu);
            const tileRows = Math.min(TILE_ROWS, rows - block * TILE_ROWS);
            this.copyRows(tile, c + block * TILE_ROWS * n * 4, n, tileRows, cols);
          }
        }
      }
    } finally {
      this.heap.free(scratch);
      if (!reuse && !keep && bPanels !== 0) this.heap.free(bPanels);
    }
  }

  /** `bytes` on the heap, or an error naming the product when there is no room. */
  private alloc(bytes: number): number {
    const at = this.heap.malloc(bytes);
    if (at === 0)
      throw new Error(`matMul: the wasm heap has no room for ${bytes} bytes of scratch.`);
    return at;
  }

  /** How many B matrices have their panels kept now (see `keepPanels`). */
  get keptPanels(): number {
    return this.kept?.size ?? 0;
  }

  /**
   * While on, the packed panels of every B that comes with a `bKey` are kept and reused by later
   * products with the same key, offset and shape (the weights of a model during `predict`).
   * Turning it off frees them. The caller guarantees that a key's values do not change while on.
   */
  keepPanels(on: boolean): void {
    if (on) {
      this.kept ??= new Map();
      return;
    }
    for (const { at } of this.kept?.values() ?? []) this.heap.free(at);
    this.kept = null;
  }

  /** Copies the n biases at `bias` to `padded`, zero-padded to whole panels. */
  private padBias(bias: number, n: number, padded: number): void {
    const f32 = new Float32Array(this.heap.memory.buffer);
    const panels = Math.ceil(n / TILE_COLS);
    f32.copyWithin(padded / 4, bias / 4, bias / 4 + n);
    f32.fill(0, padded / 4 + n, padded / 4 + panels * TILE_COLS);
  }

  /**
   * Copies the first `cols` columns of `rows` 8-wide rows (the strip, or the scratch tile) into C
   * at `c` (row stride n).
   */
  private copyRows(from: number, c: number, n: number, rows: number, cols: number): void {
    const f32 = new Float32Array(this.heap.memory.buffer);
    for (let r = 0, i = from / 4, o = c / 4; r < rows; r++, i += TILE_COLS, o += n) {
      for (let j = 0; j < cols; j++) f32[o + j] = f32[i + j];
    }
  }
}
