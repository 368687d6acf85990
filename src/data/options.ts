/**
 * Checking an options object: a plain object whose keys are all known, so that a Python
 * spelling (`test_size`) is an error that names the right option instead of being ignored.
 *
 * @example
 * checkOptions("trainTestSplit", { test_size: 0.2 }, ["testSize", "trainSize"]);
 * // ValueError: trainTestSplit: unknown option "test_size"; did you mean "testSize"? …
 */
import { ArgumentTypeError, ValueError, describe } from "../validation/errors";
import { closestName } from "../validation/names";

/** Is `value` a plain `{…}` object (not an array, tensor, DataFrame…)? */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws unless `options` is undefined or a plain object with only `allowed` keys. */
export function checkOptions(where: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) {
    throw new ArgumentTypeError(`${where}: options must be an object; got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const guess = allowed.includes(camel) ? camel : closestName(key, allowed);
    throw new ValueError(
      `${where}: unknown option ${JSON.stringify(key)}` +
        (guess ? `; did you mean ${JSON.stringify(guess)}?` : "") +
        ` (options: ${allowed.join(", ")})`,
    );
  }
}
