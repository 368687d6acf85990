/**
 * `releaseReplaced(old, live)`: frees the models and tensors a re-run cell replaced, as Python's
 * garbage collector frees the old objects when `model = ...` runs again.
 *
 * Behaviour: `old` are the values that notebook names held before the cell and no longer hold;
 * `live` are the values all names hold now. A model (tracked, not disposed) or a tensor (not a
 * variable) found in `old` — directly, or inside arrays, plain objects, Maps and Sets up to 3
 * levels deep — is disposed unless it is reachable from `live` the same way (4 levels, and
 * through any object's own properties, so a History or a result object keeps its model and
 * tensors). Returns how many models and tensors were freed.
 *
 * @example
 * releaseReplaced([oldModel], [newModel]); // { models: 1, tensors: 0 }
 */
import * as tf from "@tensorflow/tfjs";
import { isTracked } from "./registry";

const MAX_NODES = 20_000;

function isPlainContainer(v: object): boolean {
  if (Array.isArray(v) || v instanceof Map || v instanceof Set) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function children(v: object): unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return [...v.keys(), ...v.values()];
  if (v instanceof Set) return [...v];
  if (ArrayBuffer.isView(v)) return [];
  return Object.values(v);
}

/** Objects reachable from `roots`; `any` follows every object, else only plain containers. */
function reachable(roots: unknown[], depth: number, any: boolean): Set<object> {
  const seen = new Set<object>();
  let level: unknown[] = roots;
  for (let d = 0; d <= depth && level.length && seen.size < MAX_NODES; d++) {
    const next: unknown[] = [];
    for (const v of level) {
      if (v === null || typeof v !== "object" || seen.has(v)) continue;
      seen.add(v);
      if (v instanceof tf.Tensor || isTracked(v)) continue;
      if (any || isPlainContainer(v)) next.push(...children(v));
    }
    level = next;
  }
  return seen;
}

/** Frees what the re-run replaced (see the module doc). */
export function releaseReplaced(
  old: unknown[],
  live: unknown[],
): { models: number; tensors: number } {
  const keep = reachable(live, 4, true);
  let models = 0;
  let tensors = 0;
  for (const v of reachable(old, 3, false)) {
    if (keep.has(v)) continue;
    if (isTracked(v)) {
      v.dispose();
      models += 1;
    } else if (v instanceof tf.Tensor && !(v instanceof tf.Variable) && !v.isDisposed) {
      v.dispose();
      tensors += 1;
    }
  }
  return { models, tensors };
}
