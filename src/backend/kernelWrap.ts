/**
 * Re-registering a wasm kernel with a faster path in front of it, and restoring it.
 *
 * Behaviour: `wrapWasmKernel(name, tag, fast)` replaces the wasm kernel `name` by one that calls
 * `fast(args)` and, when that returns null, the original kernel. The original config is kept on
 * the wrapper under `tag` (one symbol per fix), so a second call changes nothing and
 * `unwrapWasmKernel(name, tag)` puts it back; `setupFunc` and `disposeFunc` are kept. Kernels not
 * registered for wasm (package not loaded) are left alone.
 *
 * @example
 * const TAG = Symbol.for("tslab-ml.example");
 * wrapWasmKernel(tf.Sum, TAG, (args) => null); // true: installed, always falls back
 * unwrapWasmKernel(tf.Sum, TAG); // true: wasm's own Sum again
 */
import * as tf from "@tensorflow/tfjs";

export type KernelArgs = Parameters<tf.KernelFunc>[0];

/** A faster path: its output, or null to run the original kernel. */
export type FastPath = (args: KernelArgs) => tf.TensorInfo | null;

type Wrapped = tf.KernelFunc & { [tag: symbol]: tf.KernelConfig | undefined };

const current = (name: string) => tf.getKernel(name, "wasm") as tf.KernelConfig | undefined;

/** The config `tag`'s wrapper replaced, when the wasm kernel `name` is that wrapper. */
export function wrappedOriginal(name: string, tag: symbol): tf.KernelConfig | undefined {
  return (current(name)?.kernelFunc as Wrapped | undefined)?.[tag];
}

/** Puts `fast` in front of the wasm kernel `name`; returns whether it is installed after the call. */
export function wrapWasmKernel(name: string, tag: symbol, fast: FastPath): boolean {
  const config = current(name);
  if (config === undefined) return false;
  if (wrappedOriginal(name, tag) !== undefined) return true;
  const original = config.kernelFunc;
  const wrapped = ((args: KernelArgs) => fast(args) ?? original(args)) as Wrapped;
  wrapped[tag] = config;
  tf.unregisterKernel(name, "wasm");
  tf.registerKernel({ ...config, kernelFunc: wrapped });
  return true;
}

/** Restores the wasm kernel `name` that `tag`'s wrapper replaced; returns whether it did. */
export function unwrapWasmKernel(name: string, tag: symbol): boolean {
  const original = wrappedOriginal(name, tag);
  if (original === undefined) return false;
  tf.unregisterKernel(name, "wasm");
  tf.registerKernel(original);
  return true;
}
