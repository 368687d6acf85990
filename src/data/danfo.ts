/**
 * The one place that loads danfojs (pandas-like DataFrames).
 *
 * danfojs publishes its type declarations only through package.json "exports", which the
 * TypeScript 5.0 inside tslab (Node10 resolution) ignores. So the types come from a deep,
 * type-only import (erased at run time) and the code from `require("danfojs")` (Node honours
 * "exports"). Every other module gets DataFrame and Series from here.
 *
 * @example
 * import { danfo } from "./danfo";
 * const df = new danfo.DataFrame({ a: [1, 2] });
 * df.shape; // [2, 1]
 */
import type * as Danfo from "danfojs/dist/danfojs-browser/src/index";

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const danfo = require("danfojs") as typeof Danfo;

/** A danfo DataFrame (pandas-like table). */
export type DataFrame = Danfo.DataFrame;
/** A danfo Series (one labelled column). */
export type Series = Danfo.Series;
/** The DataFrame class, for `new DataFrame(...)` and `instanceof`. */
export const DataFrame = danfo.DataFrame;
/** The Series class, for `new Series(...)` and `instanceof`. */
export const Series = danfo.Series;
