/**
 * Data: reading CSV files, the shipped datasets, splitting, and the shaping helpers of the
 * course (one-hot labels, time-series windows, shifted targets).
 */
export { readCsv, type ReadCsvOptions } from "./readCsv";
export * as datasets from "./datasets";
export { trainTestSplit, type TrainTestSplitOptions, type SplitResult } from "./trainTestSplit";
export type { RowData } from "./rows";
export { toCategorical } from "./toCategorical";
export { temporalize, type Temporalized } from "./temporalize";
export { shift, addNextStepTarget, type NextStepTargetOptions } from "./shift";
export { DataFrame, Series, danfo } from "./danfo";
export type * from "./danfoTypes";
