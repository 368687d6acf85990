/**
 * tslab-ml: TypeScript machine learning in Jupyter.
 *
 * This file is the whole public API on one screen; it only re-exports.
 * Importing it selects the compute backend (native → wasm → cpu) and prints
 * one line saying which one runs.
 */
export * as tf from "@tensorflow/tfjs";
export { ready, backendInfo, type BackendInfo, type BackendName } from "./backend";
export {
  display,
  newDisplayId,
  format,
  html,
  Html,
  JUPYTER_DISPLAY,
  type DisplayOptions,
  type MimeBundle,
  type Displayable,
} from "./display";
export { interruptGuard, type InterruptGuard } from "./display/interrupt";
export { ValueError, NotFittedError, FileNotFoundError } from "./validation/errors";
export { DataFrame, Series, danfo } from "./data/danfo";
// == data (src/data) ==
export {
  readCsv,
  datasets,
  trainTestSplit,
  toCategorical,
  temporalize,
  shift,
  addNextStepTarget,
  type ReadCsvOptions,
  type TrainTestSplitOptions,
  type SplitResult,
  type RowData,
  type Temporalized,
  type NextStepTargetOptions,
  type DanfoDataFrame,
  type DanfoSeries,
  type DanfoBaseDataFrame,
  type DanfoBaseSeries,
  type DanfoNDframe,
  type DanfoStr,
  type DanfoDt,
  type DanfoGroupby,
} from "./data";
// == end data ==
// == preprocessing (src/preprocessing) ==
export {
  MinMaxScaler,
  StandardScaler,
  LabelEncoder,
  getDummies,
  type MinMaxScalerOptions,
  type StandardScalerOptions,
  type GetDummiesOptions,
} from "./preprocessing";
// == end preprocessing ==
// == metrics (src/metrics) ==
export {
  meanSquaredError,
  rootMeanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  r2Score,
  accuracyScore,
  precisionScore,
  recallScore,
  f1Score,
  rocAucScore,
  rocCurve,
  confusionMatrix,
  classificationReport,
  ClassificationReport,
  type PrfOptions,
  type RocCurveResult,
  type ClassificationReportOptions,
} from "./metrics";
// == end metrics ==
// == plot (src/plot, src/display) ==
export {
  Figure,
  line,
  scatter,
  bar,
  histogram,
  heatmap,
  imageGrid,
  subplots,
  historyFigure,
  predictionFigure,
  confusionMatrixFigure,
  rocCurveFigure,
  activationsFigure,
  timeSeriesFigure,
  svgLineChart,
  type FigureSpec,
  type Trace,
  type Layout,
  type Axis,
  type Config,
  type LineOptions,
  type LineSeries,
  type ScatterOptions,
  type BarOptions,
  type HistogramOptions,
  type HeatmapOptions,
  type ImageGridOptions,
  type SubplotsOptions,
  type HistoryFigureOptions,
  type ConfusionMatrixFigureOptions,
  type TimeSeriesOptions,
} from "./plot";
export {
  figureBundle,
  dl_history_plot,
  visualization_result,
  plotConfusionMatrix,
  plotRocCurve,
  plotActivations,
  plotTimeSeries,
  plotImages,
  LivePlot,
  type LivePlotOptions,
} from "./display";
// == end plot ==
// == keras (src/keras) ==
export * as keras from "./keras";
// == end keras ==
