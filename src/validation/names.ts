/**
 * Looking up a string identifier (a loss, optimizer, activation or metric name) with an error
 * that lists the valid names and suggests the closest one.
 *
 * @example
 * lookupName("compile", "loss", "mse2", { mse: 1 }); // ValueError: compile: unknown loss "mse2"; valid: "mse"; did you mean "mse"?
 */
import { ArgumentTypeError, ValueError, describe } from "./errors";

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The valid name closest to `name` (case-insensitive), or null when none is close. */
export function closestName(name: string, valid: readonly string[]): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const v of valid) {
    const d = editDistance(lower, v.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(lower.length / 2)) ? best : null;
}

/** Normalises a name for lookup: lower case, `-` and spaces as `_`. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * `table[normalizeName(value)]`, or a ValueError naming the function, the kind of name, what was
 * received, the valid names (`shown`, default the table's keys) and the closest one.
 */
export function lookupName<T>(
  where: string,
  kind: string,
  value: unknown,
  table: Record<string, T>,
  shown: readonly string[] = Object.keys(table),
): T {
  if (typeof value !== "string") {
    throw new ArgumentTypeError(`${where}: ${kind} must be a string name; got ${describe(value)}`);
  }
  const key = normalizeName(value);
  if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  const compact = key.replace(/_/g, "");
  for (const k of Object.keys(table)) if (k.replace(/_/g, "") === compact) return table[k];
  const guess = closestName(key, shown);
  throw new ValueError(
    `${where}: unknown ${kind} ${JSON.stringify(value)}; valid ${kind} names: ` +
      `${shown.map((s) => JSON.stringify(s)).join(", ")}` +
      (guess ? `; did you mean ${JSON.stringify(guess)}?` : ""),
  );
}
