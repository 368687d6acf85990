/**
 * Type-only names for danfo's classes, so that a notebook cell can hold any DataFrame-like
 * value in a variable.
 *
 * tslab compiles each cell with declarations for its top-level variables. The type of
 * `const df = datasets.bostonHousing()` or `const h = df.head()` is a class declared inside
 * danfojs, which a cell can only name through a package it imports; without these exports
 * TypeScript stops with "The inferred type of 'df' cannot be named without a reference to
 * 'tslab-ml/node_modules/danfojs/…'". These aliases give each class a name inside tslab-ml.
 * They are erased at run time.
 *
 * @example
 * import type { DanfoBaseDataFrame } from "tslab-ml";
 * const h: DanfoBaseDataFrame = df.head(); // what head() returns
 */
export type {
  DataFrame as DanfoDataFrame,
  Series as DanfoSeries,
} from "danfojs/dist/danfojs-browser/src/index";
export type {
  DataFrame as DanfoBaseDataFrame,
  Series as DanfoBaseSeries,
  NDframe as DanfoNDframe,
  Str as DanfoStr,
  Dt as DanfoDt,
} from "danfojs/dist/danfojs-base/index";
export type { default as DanfoGroupby } from "danfojs/dist/danfojs-base/aggregators/groupby";
