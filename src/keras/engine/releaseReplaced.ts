/**
 * `releaseReplaced(old, live)`: frees the models and tensors a re-run cell replaced, as Python's
 * garbage collector frees the old objects when `model = ...` runs again.
 *
 * Behaviour: `old` are the values that notebook names held before the cell and no longer hold;
 * `live` are the values all names hold now. A model (tracked, not disposed) or a tensor (not a
 * variable) found in `old` — directly, or inside arrays, plain objects, Maps and Sets up to 3
 * levels deep — is disposed unless it is reachable from `live` the same way (4 levels, and
 * through any object's own properties, so a History or a result object keeps its model and
 * tensors). The walk stops after 20 000 objects and looks at most at 20 000 values of one
 * container, so a notebook holding large nested arrays does not slow every cell. Returns how
 * many models and tensors were freed.
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

/** Up to `MAX_NODES` of a container's values (a huge array of numbers is not walked whole). */
function children(v: object): Iterable<unknown> {
  if (ArrayBuffer.isView(v)) return [];
  if (Array.isArray(v)) return v.length > MAX_NODES ? v.slice(0, MAX_NODES) : v;
  if (v instanceof Map) return [...v.keys(), ...v.values()].slice(0, MAX_NODES);
  if (v instanceof Set) return [...v].slice(0, MAX_NODES);
  return Object.values(v).slice(0, MAX_NODES);
}

/** Objects reachable from `roots`; `any` follows every object, else only plain containers. */
function reachable(roots: unknown[], depth: number, any: boolean): Set<object> {
  const seen = new Set<object>();
  let level: object[] = roots.filter((v): v is object => v !== null && typeof v === "object");
  for (let d = 0; d <= depth && level.length; d++) {
    const next: object[] = [];
    for (const v of level) {
      if (seen.has(v)) continue;
      seen.add(v);
      if (seen.size + next.length >= MAX_NODES) return seen;
      if (v instanceof tf.Tensor || isTracked(v) || !(any || isPlainContainer(v))) continue;
      for (const c of children(v)) {
        if (c !== null && typeof c === "object" && !seen.has(c)) next.push(c);
      }
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
