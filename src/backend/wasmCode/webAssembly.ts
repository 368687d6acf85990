/**
 * The few WebAssembly JS-API types the GEMM uses. The project compiles with `lib: ["ES2022"]`
 * and Node's types, neither of which declares `WebAssembly`; this file types the global that
 * every supported Node has.
 *
 * @example
 * if (webAssembly.validate(bytes)) new webAssembly.Module(bytes);
 */

/** A wasm linear memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** The constructors and functions of the global `WebAssembly` used here. */
export interface WebAssemblyApi {
  Memory: abstract new (...args: never[]) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

/** `globalThis.WebAssembly`, typed. */
export const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
