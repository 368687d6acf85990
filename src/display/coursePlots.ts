/**
 * The course's plotting helpers: each builds a figure (with the pure builders of `src/plot`),
 * shows it under the cell, and returns it.
 *
 * Behaviour: the returned figure can be edited and shown again with `display(fig)` or as a
 * later cell's result. A helper call that is its cell's last expression is not drawn twice:
 * the kernel knows that the cell's output already shows the figure (`resultOf`).
 *
 * @example
 * const fig = dl_history_plot({ loss: [0.9, 0.5], val_loss: [1, 0.7] }); // draws the curves
 * fig.data.map((t) => t.name); // ["train_err", "val_err"]
 */
import type { Targets } from "../metrics/targets";
import { activationsFigure } from "../plot/activationsFigure";
import {
  confusionMatrixFigure,
  type ConfusionMatrixFigureOptions,
} from "../plot/confusionMatrixFigure";
import type { Figure } from "../plot/figure";
import { historyFigure, type HistoryFigureOptions } from "../plot/historyFigure";
import { imageGrid, type ImageGridOptions } from "../plot/imageGrid";
import { predictionFigure } from "../plot/predictionFigure";
import { rocCurveFigure } from "../plot/rocCurveFigure";
import { timeSeriesFigure, type TimeSeriesOptions } from "../plot/timeSeriesFigure";
import { display } from "./display";
import { figureBundle } from "./figureBundle";

/** Display `fig` now and return it (see the module doc). */
export function showFigure<F extends Figure>(fig: F): F {
  display(figureBundle(fig), { raw: true, resultOf: fig });
  return fig;
}

/**
 * Learning curves of a training run: `train_err` / `val_err` per epoch for the loss, and
 * `train_<metric>` / `val_<metric>` for other metrics (accuracy…), one panel each, with
 * markers, grid, x "Epoch" and a legend. `history` is what `fit` returned, any object with
 * `.history`, or `{loss: [...], val_loss: [...]}`. A missing validation curve or NaN values
 * are noted in the panel title. Options: `metrics` (default all), `title` (default none).
 *
 * @example
 * dl_history_plot(history).data[0].name; // "train_err"
 */
export function dl_history_plot(history: unknown, options: HistoryFigureOptions = {}): Figure {
  return showFigure(historyFigure(history, options, "dl_history_plot"));
}

/**
 * Predicted (x) against actual (y) values with a red `y = x` line, both axes over the range of
 * actual and predicted values together, padded by 10 % of it, square. Accepts arrays, tensors (`[n]` or `[n, 1]`) and Series; different
 * lengths throw, NaN pairs are skipped with a note.
 *
 * @example
 * visualization_result(yVal, pred).data[1].name; // "y = x"
 */
export function visualization_result(y_val: unknown, pred: unknown): Figure {
  return showFigure(predictionFigure(y_val, pred, "visualization_result"));
}

/**
 * An annotated confusion matrix (rows true, columns predicted). Class probabilities or one-hot
 * rows (`model.predict(x)`) count by argmax. Options: `labels` (class values or names of
 * classes 0, 1, 2…), `normalize` ("true" | "pred" | "all", default counts),
 * `threshold` for probabilities, `title`.
 *
 * @example
 * plotConfusionMatrix([0, 1, 1], [0, 1, 0], { labels: ["neg", "pos"] }).data[0].z; // [[1, 0], [1, 1]]
 */
export function plotConfusionMatrix(
  yTrue: unknown,
  yPred: unknown,
  options: ConfusionMatrixFigureOptions = {},
): Figure {
  return showFigure(confusionMatrixFigure(yTrue, yPred, options, "plotConfusionMatrix"));
}

/**
 * The ROC curve of binary scores with its AUC (trapezoid rule) in the legend.
 *
 * @example
 * plotRocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).data[0].name; // "ROC (AUC = 0.750)"
 */
export function plotRocCurve(yTrue: Targets, scores: Targets): Figure {
  return showFigure(rocCurveFigure(yTrue, scores, undefined, "plotRocCurve"));
}

/**
 * Sigmoid, tanh, relu and swish curves and a softmax example, side by side.
 *
 * @example
 * plotActivations().data.length; // 5
 */
export function plotActivations(): Figure {
  return showFigure(activationsFigure());
}

/**
 * Actual and predicted values over time; option `index` gives the x values (dates…).
 *
 * @example
 * plotTimeSeries(yTest, pred, { index: dates }).data.map((t) => t.name); // ["actual", "predicted"]
 */
export function plotTimeSeries(
  actual: unknown,
  predicted: unknown,
  options: TimeSeriesOptions = {},
): Figure {
  return showFigure(timeSeriesFigure(actual, predicted, options, "plotTimeSeries"));
}

/**
 * A grid of grayscale images (default the first 25, 5 per row) with their labels; with
 * `predicted`, wrong predictions are red and counted in the title.
 *
 * @example
 * plotImages(xTest, yTest, { predicted }).data.length; // 25
 */
export function plotImages(
  images: unknown,
  labels?: unknown,
  options: Omit<ImageGridOptions, "labels"> = {},
): Figure {
  return showFigure(imageGrid(images, { ...options, labels }, "plotImages"));
}
