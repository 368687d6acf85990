/**
 * A minimal WebAssembly binary encoder: enough to build tslab-ml's SIMD kernels (the matrix
 * product of `gemm/gemmModule.ts`, Adam's update of `keras/optimizers/adamModule.ts`) at run
 * time, with no compiler or assembler in the build.
 *
 * Behaviour: `Code` collects the instructions of one function body (stack machine order, as in
 * the text format's flat form); `encodeModule` writes a module that imports one memory
 * (`env.memory`, the wasm backend's heap) and exports every function. Only the opcodes those
 * kernels use exist; their numbers follow the WebAssembly 2.0 and relaxed-SIMD specifications.
 *
 * @example
 * const body = new Code().get(0).get(1).op("i32.add");
 * const bytes = encodeModule([{ name: "add", params: ["i32", "i32"], results: ["i32"], locals: [], body }]);
 * new WebAssembly.Module(bytes);
 */

/** The value types used here. */
export type ValType = "i32" | "f32" | "v128";

const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

/** Plain opcodes without immediates. */
const PLAIN = {
  "i32.eqz": [0x45],
  "i32.eq": [0x46],
  "i32.ne": [0x47],
  "i32.lt_s": [0x48],
  "i32.lt_u": [0x49],
  "i32.le_s": [0x4c],
  "i32.gt_u": [0x4b],
  "i32.ge_u": [0x4f],
  "i32.add": [0x6a],
  "i32.sub": [0x6b],
  "i32.mul": [0x6c],
  "i32.and": [0x71],
  "i32.shl": [0x74],
  "f32.sqrt": [0x91],
  "f32.add": [0x92],
  "f32.mul": [0x94],
  "f32.div": [0x95],
  "f32x4.splat": [0xfd, 0x13],
  "f32x4.sqrt": [0xfd, 0xe3, 0x01],
  "f32x4.add": [0xfd, 0xe4, 0x01],
  "f32x4.mul": [0xfd, 0xe6, 0x01],
  "f32x4.div": [0xfd, 0xe7, 0x01],
  "f32x4.max": [0xfd, 0xe9, 0x01],
  "f32x4.relaxed_madd": [0xfd, 0x85, 0x02],
} as const;

/** Memory opcodes, each followed by its natural alignment (log2 bytes) and an offset. */
const MEMORY = {
  "f32.load": { code: [0x2a], align: 2 },
  "f32.store": { code: [0x38], align: 2 },
  "v128.load": { code: [0xfd, 0x00], align: 4 },
  "v128.load32_splat": { code: [0xfd, 0x09], align: 2 },
  "v128.store": { code: [0xfd, 0x0b], align: 4 },
} as const;

export type PlainOp = keyof typeof PLAIN;
export type MemoryOp = keyof typeof MEMORY;

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** The instructions of one function body. Block labels are relative depths, as in the binary. */
export class Code {
  readonly bytes: number[] = [];

  get(local: number): this {
    return this.emit(0x20, ...uleb(local));
  }
  set(local: number): this {
    return this.emit(0x21, ...uleb(local));
  }
  tee(local: number): this {
    return this.emit(0x22, ...uleb(local));
  }
  i32(value: number): this {
    return this.emit(0x41, ...sleb(value | 0));
  }
  /** `v128.const` with four equal f32 lanes. */
  f32x4(value: number): this {
    const lane = new Uint8Array(new Float32Array([value]).buffer);
    return this.emit(0xfd, 0x0c, ...lane, ...lane, ...lane, ...lane);
  }
  f32(value: number): this {
    return this.emit(0x43, ...new Uint8Array(new Float32Array([value]).buffer));
  }
  op(name: PlainOp): this {
    return this.emit(...PLAIN[name]);
  }
  mem(name: MemoryOp, offset = 0): this {
    const { code, align } = MEMORY[name];
    return this.emit(...code, ...uleb(align), ...uleb(offset));
  }
  /** `i8x16.shuffle` of the two v128 operands on the stack, by 32-bit lanes (0–3 a, 4–7 b). */
  shuffle32(lanes: [number, number, number, number]): this {
    const bytes = lanes.flatMap((lane) => [0, 1, 2, 3].map((i) => lane * 4 + i));
    return this.emit(0xfd, 0x0d, ...bytes);
  }
  block(): this {
    return this.emit(0x02, 0x40);
  }
  loop(): this {
    return this.emit(0x03, 0x40);
  }
  if(): this {
    return this.emit(0x04, 0x40);
  }
  else(): this {
    return this.emit(0x05);
  }
  end(): this {
    return this.emit(0x0b);
  }
  br(depth: number): this {
    return this.emit(0x0c, ...uleb(depth));
  }
  brIf(depth: number): this {
    return this.emit(0x0d, ...uleb(depth));
  }
  call(func: number): this {
    return this.emit(0x10, ...uleb(func));
  }
  /** `local += amount` (i32). */
  addConst(local: number, amount: number): this {
    return this.get(local).i32(amount).op("i32.add").set(local);
  }
  /** `local += other` (i32 locals). */
  addLocal(local: number, other: number): this {
    return this.get(local).get(other).op("i32.add").set(local);
  }
  /** The tail of a do-while loop: `if ((local -= amount) !== 0) continue`. */
  countDown(local: number, amount = 1): this {
    return this.get(local).i32(amount).op("i32.sub").tee(local).brIf(0);
  }
  private emit(...bytes: number[]): this {
    this.bytes.push(...bytes);
    return this;
  }
}

/** One exported function: parameters are locals 0…n-1, `locals` follow them. */
export interface FunctionSpec {
  name: string;
  params: ValType[];
  results: ValType[];
  locals: ValType[];
  body: Code;
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

/** Encodes a module importing `env.memory` and exporting `functions` (indices in order). */
export function encodeModule(functions: FunctionSpec[]): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vec(f.params.map((t) => [TYPE_CODE[t]])),
    ...vec(f.results.map((t) => [TYPE_CODE[t]])),
  ]);
  const memoryImport = [...name("env"), ...name("memory"), 0x02, 0x00, 0x01];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [0x01, TYPE_CODE[t]]));
    const body = [...locals, ...f.body.bytes, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
