/** Loads a module by id, like Node's `require`; throws when the module cannot be loaded. */
export type ModuleLoader = (id: string) => unknown;

/**
 * Loads a module with Node's `require`, at run time, so that optional dependencies
 * (`@tensorflow/tfjs-node`) can be absent without breaking the import of tslab-ml.
 *
 * Behaviour: returns the module's exports, or throws exactly what `require` throws.
 *
 * @param id Module id, e.g. `"@tensorflow/tfjs-node"`.
 * @returns The module's exports.
 * @example
 * try { requireModule("@tensorflow/tfjs-node"); } catch { // not installed }
 */
export function requireModule(id: string): unknown {
  // A run-time require (not an import) is the point: the module is optional.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id);
}

/**
 * Tells whether an error thrown by `require(id)` means that module `id` itself is not installed
 * (as opposed to: installed but failing to load, e.g. a missing native library).
 *
 * @param error What `require` threw.
 * @param id The module id that was required.
 * @returns True for a `MODULE_NOT_FOUND` error about `id` itself.
 * @example
 * isModuleNotFound(err, "@tensorflow/tfjs-node"); // true when it is not installed
 */
export function isModuleNotFound(error: unknown, id: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  const firstLine = error.message.split("\n")[0];
  return code === "MODULE_NOT_FOUND" && firstLine.includes(`'${id}'`);
}

/**
 * Returns an error's message (or its string form for non-Error values), first line only.
 *
 * @param error Anything that was thrown.
 * @returns A one-line description.
 * @example
 * errorMessage(new Error("boom\nstack")); // "boom"
 */
export function errorMessage(error: unknown): string {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === "object" && error !== null && "message" in error
        ? String((error as { message: unknown }).message)
        : String(error);
  return text.split("\n")[0];
}
