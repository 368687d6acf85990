import * as tf from "@tensorflow/tfjs";

/** Marks the placeholder kernels registered by this module. */
const STUB = Symbol.for("tslab-ml.unsupportedKernel");

/**
 * Kernels that tfjs probes with `getKernel` to choose a fallback path (browser pixel helpers).
 * A placeholder would turn the working fallback into an error, so they never get one.
 */
const PROBED_KERNELS: ReadonlySet<string> = new Set(["FromPixels", "Draw"]);

/** What each known-missing op is needed for, to make the error message actionable. */
const PURPOSES: Readonly<Record<string, string>> = {
  Conv2DBackpropFilter: "to train Conv2D layers",
  Conv2DBackpropInput: "to train stacked Conv2D layers and to run Conv2DTranspose",
  DepthwiseConv2dNativeBackpropFilter: "to train DepthwiseConv2D and SeparableConv2D layers",
  DepthwiseConv2dNativeBackpropInput: "to train DepthwiseConv2D and SeparableConv2D layers",
  UnsortedSegmentSum: "for the gradient of tf.gather, e.g. to train Embedding layers",
  Complex: "for complex numbers (tf.complex, tf.spectral)",
  ComplexAbs: "for complex numbers (tf.abs of a complex tensor)",
  Real: "for complex numbers (tf.real, tf.spectral)",
  Imag: "for complex numbers (tf.imag, tf.spectral)",
  FFT: "for tf.spectral.fft / rfft",
  IFFT: "for tf.spectral.ifft / irfft",
  Einsum: "for tf.einsum",
  RaggedGather: "for ragged tensors (converted graph models)",
  RaggedRange: "for ragged tensors (converted graph models)",
  RaggedTensorToTensor: "for ragged tensors (converted graph models)",
  StaticRegexReplace: "for string ops (converted graph models)",
};

/**
 * Builds the error message for an op that the wasm backend does not implement.
 *
 * @param kernelName The TensorFlow.js kernel name, e.g. `"Conv2DBackpropFilter"`.
 * @returns A message naming the op, what it is needed for, and how to switch to `cpu`.
 * @example
 * unsupportedKernelMessage("Conv2DBackpropFilter");
 * // "Conv2DBackpropFilter is not implemented on the wasm backend (it is needed to train Conv2D
 * //  layers). Run tf.setBackend("cpu") (await it) before building the model; …"
 */
export function unsupportedKernelMessage(kernelName: string): string {
  const purpose = PURPOSES[kernelName];
  const why = purpose === undefined ? "" : ` (it is needed ${purpose})`;
  return (
    `${kernelName} is not implemented on the wasm backend${why}. ` +
    `Run tf.setBackend("cpu") (await it) before building the model; ` +
    `cpu is slower but supports every op.`
  );
}

function makeStub(kernelName: string): tf.KernelConfig {
  const kernelFunc = (() => {
    throw new Error(unsupportedKernelMessage(kernelName));
  }) as tf.KernelFunc & { [STUB]?: true };
  kernelFunc[STUB] = true;
  return { kernelName, backendName: "wasm", kernelFunc };
}

function isStub(config: tf.KernelConfig | undefined): boolean {
  return (config?.kernelFunc as { [STUB]?: true } | undefined)?.[STUB] === true;
}

/**
 * Lists the kernels registered for the `cpu` backend that have no `wasm` kernel (ignoring the
 * placeholders installed by `installUnsupportedKernelStubs`), computed from the live registry.
 *
 * @returns Kernel names, e.g. `["Conv2DBackpropFilter", "UnsortedSegmentSum", …]`.
 * @example
 * missingWasmKernels().includes("Conv2DBackpropFilter"); // true with tfjs 4.22
 */
export function missingWasmKernels(): string[] {
  return tf
    .getKernelsForBackend("cpu")
    .map((config) => config.kernelName)
    .filter((name) => {
      const wasm = tf.getKernel(name, "wasm") as tf.KernelConfig | undefined;
      return wasm === undefined || isStub(wasm);
    });
}

/**
 * Registers, for every kernel the `cpu` backend has but the `wasm` backend lacks, a wasm kernel
 * that throws an Error explaining which op is missing, what it is needed for, and to run
 * `await tf.setBackend("cpu")` instead — rather than tfjs's terse
 * "Kernel 'X' not registered for backend 'wasm'" deep inside `model.fit`.
 *
 * Behaviour: idempotent; never replaces a real wasm kernel; skips `FromPixels` and `Draw`, whose
 * absence tfjs detects to take a working fallback. Call it after loading tfjs-backend-wasm.
 *
 * @returns The kernel names that now have a placeholder.
 * @example
 * require("@tensorflow/tfjs-backend-wasm");
 * installUnsupportedKernelStubs(); // ["Conv2DBackpropFilter", …]
 */
export function installUnsupportedKernelStubs(): string[] {
  const stubbed: string[] = [];
  for (const name of missingWasmKernels()) {
    if (PROBED_KERNELS.has(name)) continue;
    if (tf.getKernel(name, "wasm") === undefined) tf.registerKernel(makeStub(name));
    stubbed.push(name);
  }
  return stubbed;
}

/**
 * Removes the placeholder kernels installed by `installUnsupportedKernelStubs` (internal; for
 * tests). Real kernels are never touched.
 *
 * @returns The kernel names whose placeholder was removed.
 * @example
 * uninstallUnsupportedKernelStubs();
 */
export function uninstallUnsupportedKernelStubs(): string[] {
  const removed: string[] = [];
  for (const config of tf.getKernelsForBackend("wasm")) {
    if (!isStub(config)) continue;
    tf.unregisterKernel(config.kernelName, "wasm");
    removed.push(config.kernelName);
  }
  return removed;
}
