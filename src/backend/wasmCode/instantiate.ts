/**
 * Instantiates one of tslab-ml's wasm kernels on a memory (the wasm backend's heap), once per
 * memory and kernel.
 *
 * Behaviour: the first call for a memory and `name` builds the module with `bytes()` and
 * instantiates it with that memory as `env.memory`; later calls return the same exports. When
 * `memory` is not a WebAssembly memory, or the module cannot be instantiated on it (a shared
 * memory, an engine without SIMD), the result is null, and so are later calls.
 *
 * @example
 * const kernel = exportsOn<{ adam: AdamKernel }>(backend.wasm.asm.memory, "adam", adamModuleBytes);
 */
import { webAssembly, type WasmMemory } from "./webAssembly";

const cache = new WeakMap<WasmMemory, Map<string, Record<string, unknown> | null>>();

/** The exports of the module `name` on `memory`, or null (see the file comment). */
export function exportsOn<T>(memory: unknown, name: string, bytes: () => Uint8Array): T | null {
  if (!(memory instanceof webAssembly.Memory)) return null;
  let modules = cache.get(memory);
  if (modules === undefined) cache.set(memory, (modules = new Map()));
  if (!modules.has(name)) {
    try {
      const module = new webAssembly.Module(bytes());
      modules.set(name, new webAssembly.Instance(module, { env: { memory } }).exports);
    } catch {
      modules.set(name, null);
    }
  }
  return (modules.get(name) ?? null) as T | null;
}
