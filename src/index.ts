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
export { ValueError, NotFittedError } from "./validation/errors";
export { DataFrame, Series, danfo } from "./data/danfo";
// == data (src/data) ==
// == end data ==
// == preprocessing (src/preprocessing) ==
// == end preprocessing ==
// == metrics (src/metrics) ==
// == end metrics ==
// == plot (src/plot, src/display) ==
// == end plot ==
// == keras (src/keras) ==
// == end keras ==
