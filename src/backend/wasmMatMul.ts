import * as tf from "@tensorflow/tfjs";
import { gemmMatMul } from "./gemm/gemmKernel";

/** The kernels this module replaces on the wasm backend. */
export const PATCHED_MATMUL_KERNELS = [tf.BatchMatMul, tf._FusedMatMul] as const;

/** Marks our wrapper kernelFuncs and holds the original KernelConfig they replaced. */
const ORIGINAL = Symbol.for("tslab-ml.wasmMatMul.original");

type KernelArgs = Parameters<tf.KernelFunc>[0];
type WrappedKernelFunc = tf.KernelFunc & { [ORIGINAL]?: tf.KernelConfig };

/** The original config if `config` is one of our wrappers, else `undefined`. */
function originalOf(config: tf.KernelConfig | undefined): tf.KernelConfig | undefined {
  return (config?.kernelFunc as WrappedKernelFunc | undefined)?.[ORIGINAL];
}

/** Runs the wasm `Transpose` kernel on `x`, swapping its last two axes. */
function transposeLastTwoAxes(x: tf.TensorInfo, backend: KernelArgs["backend"]): tf.TensorInfo {
  const transpose = tf.getKernel(tf.Transpose, "wasm") as tf.KernelConfig | undefined;
  if (transpose === undefined) throw new Error("The wasm backend has no Transpose kernel.");
  const rank = x.shape.length;
  const perm = x.shape.map((_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
}

/** True when the original kernel would accept the inputs, i.e. we can safely rewrite them. */
function canRewrite(a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean) {
  if (a.dtype !== "float32" || b.dtype !== "float32") return false;
  if (a.shape.length < 2 || b.shape.length < 2) return false;
  const innerA = a.shape[a.shape.length - (transposeA ? 2 : 1)];
  const innerB = b.shape[b.shape.length - (transposeB ? 1 : 2)];
  return innerA === innerB;
}

/**
 * Wraps a wasm matMul kernelFunc so that transposed operands are materialised first (with the
 * wasm Transpose kernel) and the original kernel always runs in its fast non-transposed form.
 * Intermediates are released with `backend.disposeData`, as tfjs-backend-wasm's own kernels
 * (e.g. Mean, BatchMatMul's reshapes) do, so no data bucket leaks.
 */
function wrapKernelFunc(original: tf.KernelConfig): WrappedKernelFunc {
  const wrapped: WrappedKernelFunc = (args) => {
    const viaGemm = gemmMatMul(args, original.kernelName === tf._FusedMatMul);
    if (viaGemm !== null) return viaGemm;
    const { inputs, backend, attrs } = args;
    const a = inputs.a;
    const b = inputs.b;
    const transposeA = attrs?.transposeA === true;
    const transposeB = attrs?.transposeB === true;
    if ((!transposeA && !transposeB) || a === undefined || b === undefined) {
      return original.kernelFunc(args);
    }
    if (!canRewrite(a, b, transposeA, transposeB)) {
      return original.kernelFunc(args); // Let the original kernel report the error.
    }
    const temporaries: tf.TensorInfo[] = [];
    try {
      const newA = transposeA ? transposeLastTwoAxes(a, backend) : a;
      if (transposeA) temporaries.push(newA);
      const newB = transposeB ? transposeLastTwoAxes(b, backend) : b;
      if (transposeB) temporaries.push(newB);
      return original.kernelFunc({
        inputs: { ...inputs, a: newA, b: newB },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      const kernelBackend = backend as tf.KernelBackend;
      for (const info of temporaries) kernelBackend.disposeData(info.dataId);
    }
  };
  wrapped[ORIGINAL] = original;
  return wrapped;
}

/**
 * Speeds up matrix products on the wasm backend by re-registering its `BatchMatMul` and
 * `_FusedMatMul` kernels: products the SIMD GEMM handles (`gemm/gemmKernel.ts`) run there; for
 * the rest, when `transposeA`/`transposeB` is set, the operand is transposed first and the
 * original kernel runs with both flags false.
 *
 * Why: tfjs-backend-wasm 4.22 multiplies at ~37 GFLOP/s in the plain form but only ~3 GFLOP/s
 * with `transposeB` and ~1.4 with `transposeA`; backpropagation through Dense layers uses both.
 * Transposing first made an MLP training epoch about 4.4× faster.
 *
 * Behaviour: idempotent (a second call changes nothing); keeps each kernel's `setupFunc` and
 * `disposeFunc`; kernels that are not registered for wasm (package not loaded) are skipped.
 * Works before or after the wasm backend is initialised.
 *
 * @returns The names of the kernels that are patched after the call.
 * @example
 * require("@tensorflow/tfjs-backend-wasm");
 * installWasmMatMulFix(); // ["BatchMatMul", "_FusedMatMul"]
 */
export function installWasmMatMulFix(): string[] {
  const patched: string[] = [];
  for (const name of PATCHED_MATMUL_KERNELS) {
    const current = tf.getKernel(name, "wasm") as tf.KernelConfig | undefined;
    if (current === undefined) continue;
    if (originalOf(current) === undefined) {
      tf.unregisterKernel(name, "wasm");
      tf.registerKernel({ ...current, kernelFunc: wrapKernelFunc(current) });
    }
    patched.push(name);
  }
  return patched;
}

/**
 * Restores the original wasm `BatchMatMul` and `_FusedMatMul` kernels replaced by
 * `installWasmMatMulFix()`. Internal: used by the benchmark and the tests to measure and compare
 * the unpatched kernels.
 *
 * Behaviour: idempotent; kernels that are not patched are left alone.
 *
 * @returns The names of the kernels that were restored by this call.
 * @example
 * uninstallWasmMatMulFix(); // measure the slow path…
 * installWasmMatMulFix(); // …and re-enable the fix
 */
export function uninstallWasmMatMulFix(): string[] {
  const restored: string[] = [];
  for (const name of PATCHED_MATMUL_KERNELS) {
    const original = originalOf(tf.getKernel(name, "wasm") as tf.KernelConfig | undefined);
    if (original === undefined) continue;
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel(original);
    restored.push(name);
  }
  return restored;
}

/**
 * Tells whether the wasm matMul fix is currently installed.
 *
 * @returns True when both `BatchMatMul` and `_FusedMatMul` on wasm are our wrappers.
 * @example
 * isWasmMatMulFixInstalled(); // true after installWasmMatMulFix()
 */
export function isWasmMatMulFixInstalled(): boolean {
  return PATCHED_MATMUL_KERNELS.every(
    (name) => originalOf(tf.getKernel(name, "wasm") as tf.KernelConfig | undefined) !== undefined,
  );
}
