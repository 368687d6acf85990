/**
 * The one place that loads danfojs (pandas-like DataFrames), on first use.
 *
 * danfojs publishes its type declarations only through package.json "exports", which the
 * TypeScript 5.0 inside tslab (Node10 resolution) ignores. So the types come from a deep,
 * type-only import (erased at run time) and the code from `require("danfojs")` (Node honours
 * "exports"). Every other module gets DataFrame and Series from here.
 *
 * Behaviour: requiring danfojs takes about 0.6 s, so it happens only when a DataFrame is first
 * needed (`new DataFrame(…)`, `readCsv`, a dataset, any `danfo.*`), not when tslab-ml is
 * imported. `danfo`, `DataFrame` and `Series` behave as the real ones (`new`, static methods,
 * `instanceof`). `whenDanfoLoads(fn)` runs `fn` once danfojs is loaded (at once if it is).
 *
 * @example
 * import { danfo } from "./danfo";
 * const df = new danfo.DataFrame({ a: [1, 2] }); // loads danfojs here
 * df.shape; // [2, 1]
 */
import type * as Danfo from "danfojs/dist/danfojs-browser/src/index";

type DanfoModule = typeof Danfo;

let loaded: DanfoModule | null = null;
const waiting: ((d: DanfoModule) => void)[] = [];

/** danfojs itself, required on the first call. */
export function loadDanfo(): DanfoModule {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require("danfojs") as DanfoModule;
    for (const fn of waiting.splice(0)) fn(loaded);
  }
  return loaded;
}

/** Has danfojs been loaded yet? (Before that, no value can be a danfo object.) */
export function danfoLoaded(): boolean {
  return loaded !== null;
}

/** Runs `fn` when danfojs is loaded, or now if it already is. */
export function whenDanfoLoads(fn: (d: DanfoModule) => void): void {
  if (loaded) fn(loaded);
  else waiting.push(fn);
}

/** The danfojs module, loaded when one of its members is first read. */
export const danfo: DanfoModule = new Proxy({} as DanfoModule, {
  get: (_, key) => Reflect.get(loadDanfo(), key),
  has: (_, key) => Reflect.has(loadDanfo(), key),
  ownKeys: () => Reflect.ownKeys(loadDanfo()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(loadDanfo(), key);
    return d && { ...d, configurable: true };
  },
});

/** A stand-in for a danfojs class that loads danfojs when it is used. */
function lazyClass<C extends object>(real: () => C): C {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const fn = () => real() as unknown as Function;
  // a plain function as the target, so that `new` and calls reach the traps
  const proxy: C = new Proxy(function () {} as unknown as C, {
    construct: (_, args, newTarget) =>
      Reflect.construct(fn(), args, newTarget === proxy ? fn() : newTarget) as object,
    apply: (_, self, args) => Reflect.apply(fn(), self, args) as unknown,
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
  });
  return proxy;
}

/** A danfo DataFrame (pandas-like table). */
export type DataFrame = Danfo.DataFrame;
/** A danfo Series (one labelled column). */
export type Series = Danfo.Series;
/** The DataFrame class, for `new DataFrame(...)` and `instanceof`. */
export const DataFrame = lazyClass(() => loadDanfo().DataFrame);
/** The Series class, for `new Series(...)` and `instanceof`. */
export const Series = lazyClass(() => loadDanfo().Series);
