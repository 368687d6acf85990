/**
 * Error classes with the names a Python user knows (scikit-learn / Keras raise these).
 *
 * The kernel shows `error.name` as the exception name, so a student sees
 * `ValueError: trainTestSplit: testSize must be in (0, 1) or a positive integer; got 1.5`.
 *
 * @example
 * throw new ValueError("fit: batchSize must be a positive integer; got 0");
 */

/** An argument has the right type but a wrong value (sklearn/Keras `ValueError`). */
export class ValueError extends Error {
  override name = "ValueError";
}

/** `transform` / `predict` called before `fit` (sklearn `NotFittedError`). */
export class NotFittedError extends Error {
  override name = "NotFittedError";
}

/** A file that does not exist (Python's `FileNotFoundError`, which pandas' `read_csv` raises). */
export class FileNotFoundError extends Error {
  override name = "FileNotFoundError";
}

/** An argument of the wrong kind (a string where a number was expected…). */
export class ArgumentTypeError extends TypeError {
  override name = "TypeError";
}

/**
 * Short description of a received value for error messages: `1.5`, `"abc"`, `array of 3`,
 * `Tensor [10,3]`, `DataFrame 5×2`, `undefined`.
 *
 * @example
 * describe([1, 2, 3]); // "array of length 3"
 */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name} of length ${(value as unknown as ArrayLike<unknown>).length}`;
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  const shape = (value as { shape?: unknown }).shape;
  if (Array.isArray(shape)) return `${ctor ?? "object"} of shape [${shape.join(", ")}]`;
  return ctor && ctor !== "Object" ? `a ${ctor}` : "an object";
}
