/**
 * Rich display of DataFrames, Series, tensors and raw tfjs models, installed on their prototypes.
 *
 * Behaviour: importing `src/display` (hence `tslab-ml`) defines a non-enumerable
 * `[Symbol.for("Jupyter.display")]()` on `danfo.DataFrame.prototype`,
 * `danfo.Series.prototype` (and on their danfojs base classes, which `df.head()` and
 * `df["col"]` return), `tf.Tensor.prototype` and `tf.LayersModel.prototype`, so that `df`,
 * `df.head()`, a column, a tensor or a model as a cell's last expression (or through
 * `display`) shows
 * - a DataFrame as a pandas-like HTML table (index, column names, dtype-aware numbers; past 60
 *   rows the first and last 10 with "N rows × M columns") plus the same table as text;
 * - a Series as a one-column table ending with "Name: …, dtype: …";
 * - a tensor as its shape, dtype and values (tfjs' own truncation: first and last 3 per axis
 *   past 20 values);
 * - a raw tfjs model (`tf.sequential()`, `tf.model()`: `tf.LayersModel.prototype`) as the
 *   summary tfjs' `model.summary()` prints (captured through its `printFn`), as text and in an
 *   HTML `<pre>` under the model's name; a model that cannot summarise itself yet (an empty
 *   `tf.sequential()`) says why. The Keras-style models of `src/keras` have their own display.
 * Installing twice is harmless; an existing method on those prototypes is replaced.
 *
 * @example
 * installRichDisplay();
 * format(new danfo.DataFrame({ a: [1, 2] }))["text/html"]; // '<div><style scoped>…<table border="1" class="dataframe">…'
 */
import * as tf from "@tensorflow/tfjs";
import { whenDanfoLoads, type DataFrame, type Series } from "../data/danfo";
import { baseDataFrame, baseSeries } from "../validation/danfoBase";
import { JUPYTER_DISPLAY, type MimeBundle } from "./mime";
import { tableHtml, tableText, type TableSource } from "./tableHtml";

/** The bundle of a DataFrame (see the module doc). */
export function dataFrameBundle(df: DataFrame): MimeBundle {
  const source: TableSource = {
    columns: df.columns.map(String),
    dtypes: df.dtypes.map(String),
    index: df.index as unknown[],
    rows: df.values as unknown[][],
  };
  return { "text/html": tableHtml(source), "text/plain": tableText(source) };
}

/** The bundle of a Series (see the module doc). */
export function seriesBundle(s: Series): MimeBundle {
  const name = String(s.columns?.[0] ?? "");
  const values = s.values as unknown[];
  const dtype = String(s.dtypes?.[0] ?? "");
  const source: TableSource = {
    columns: [name],
    dtypes: [dtype],
    index: s.index as unknown[],
    rows: values.map((v) => [v]),
  };
  const footer = `Name: ${name}, ${values.length > 60 ? `Length: ${values.length}, ` : ""}dtype: ${dtype}`;
  const esc = footer.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return {
    "text/html": tableHtml(source, `<p>${esc}</p>`),
    "text/plain": tableText(source, footer),
  };
}

/**
 * The bundle of a tensor (see the module doc).
 *
 * @example
 * tensorBundle(tf.tensor1d([1, 2]))["text/plain"]; // "Tensor shape [2] dtype float32\n[1, 2]"
 */
export function tensorBundle(t: tf.Tensor): MimeBundle {
  const head = `Tensor shape [${t.shape.join(", ")}] dtype ${t.dtype}`;
  if (t.isDisposed) {
    return {
      "text/plain": `${head} (disposed)`,
      "text/html": `<div><b>${head}</b> (disposed)</div>`,
    };
  }
  const values = t
    .toString()
    .replace(/^Tensor\n/, "")
    .replace(/^ {4}/gm, "");
  const esc = values.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return {
    "text/html": `<div class="tslab-ml-tensor"><div><b>Tensor</b> shape [${t.shape.join(", ")}] · dtype ${t.dtype}</div><pre>${esc}</pre></div>`,
    "text/plain": `${head}\n${values}`,
  };
}

/**
 * The bundle of a raw tfjs model (see the module doc).
 *
 * @example
 * const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
 * layersModelBundle(m)["text/plain"].includes("Total params: 3"); // true
 */
export function layersModelBundle(model: tf.LayersModel): MimeBundle {
  const kind = model instanceof tf.Sequential ? "Sequential" : "LayersModel";
  const lines: string[] = [];
  let text: string;
  try {
    model.summary(undefined, undefined, (...parts: unknown[]) =>
      lines.push(parts.map(String).join(" ").trimEnd()),
    );
    text = lines.join("\n");
  } catch (e) {
    text = `${kind} "${model.name}" (no summary: ${(e as Error).message})`;
  }
  const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    "text/html": `<div class="tslab-ml-model"><div><b>${kind}</b> "${esc(model.name)}"</div><pre>${esc(text)}</pre></div>`,
    "text/plain": text,
  };
}

function define(proto: object, fn: (this: never) => MimeBundle): void {
  Object.defineProperty(proto, JUPYTER_DISPLAY, { value: fn, configurable: true, writable: true });
}

/** Install the display methods (see the module doc). */
export function installRichDisplay(): void {
  // danfojs loads on first use: its classes get their display methods then
  whenDanfoLoads((d) => {
    for (const cls of [d.DataFrame, baseDataFrame()]) {
      define(cls.prototype, function (this: DataFrame) {
        return dataFrameBundle(this);
      });
    }
    for (const cls of [d.Series, baseSeries()]) {
      define(cls.prototype, function (this: Series) {
        return seriesBundle(this);
      });
    }
  });
  define(tf.Tensor.prototype, function (this: tf.Tensor) {
    return tensorBundle(this);
  });
  define(tf.LayersModel.prototype, function (this: tf.LayersModel) {
    return layersModelBundle(this);
  });
}
