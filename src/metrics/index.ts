/** scikit-learn-shaped metrics: `*Error` lower is better, `*Score` higher is better. */
export {
  meanSquaredError,
  rootMeanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
} from "./regression";
export { r2Score } from "./r2Score";
export { accuracyScore, type AccuracyOptions } from "./accuracyScore";
export { precisionScore, recallScore, f1Score, type PerLabelOptions } from "./precisionRecallF1";
export type { PrfOptions, Average } from "./prfSupport";
export { rocAucScore } from "./rocAucScore";
export { rocCurve, type RocCurveOptions, type RocCurveResult } from "./rocCurve";
export { confusionMatrix, type ConfusionMatrixOptions } from "./confusionMatrix";
export {
  classificationReport,
  ClassificationReport,
  type ClassificationReportOptions,
  type ClassificationReportDict,
  type ReportRow,
  type ReportLine,
} from "./classificationReport";
export type { Targets, ThresholdOption } from "./targets";
