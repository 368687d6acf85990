/**
 * The display module: MIME bundles out, and the only part of the package that talks to the
 * kernel. Importing it installs the rich display of DataFrames, Series and tensors
 * (`installRichDisplay`, see richValues.ts).
 */
import { installRichDisplay } from "./richValues";

export { display, newDisplayId, kernelBridge, type DisplayOptions } from "./display";
export { format } from "./format";
export { html, Html } from "./html";
export { JUPYTER_DISPLAY, type MimeBundle, type Displayable } from "./mime";
export { figureBundle, describeFigure, PLOTLY_MIME } from "./figureBundle";
export {
  claimPlotlyLibrary,
  inlinePlotlyLibrary,
  resetPlotlySession,
  type PlotlyBundleKind,
} from "./plotlyLibrary";
export { dataFrameBundle, seriesBundle, tensorBundle, installRichDisplay } from "./richValues";
export {
  dl_history_plot,
  visualization_result,
  plotConfusionMatrix,
  plotRocCurve,
  plotActivations,
  plotTimeSeries,
  plotImages,
  showFigure,
} from "./coursePlots";
export { LivePlot, type LivePlotOptions } from "./livePlot";

installRichDisplay();
