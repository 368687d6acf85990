/**
 * `model.summary()` in Keras 3's format: `Model: "sequential"`, a box table with
 * Layer (type) / Output Shape / Param # (and "Connected to" for functional models that are not a
 * plain chain, listing inbounds as `dense[0][0], dense_1[0][0]`), shapes as `(None, 32)`, cells
 * wrapped to Keras's column widths, then `Total params: 1,153 (4.50 KB)`, trainable and
 * non-trainable counts and, once the optimizer has taken a step, `Optimizer params` (counted in
 * Total, as Keras 3).
 *
 * @example
 * summaryText(Sequential([Input({ shape: [8] }), Dense(32)])).split("\n")[0]; // 'Model: "sequential"'
 */
import * as tf from "@tensorflow/tfjs";
import type { MimeBundle } from "../../display/mime";
import type { KerasModel } from "./model";

/** One table row: one string per column (the text form wraps it to the column width). */
interface Row {
  cells: string[];
}

/** A tfjs graph node, as far as the summary reads it. */
interface GraphNode {
  inboundLayers: tf.layers.Layer[];
  nodeIndices: number[];
  tensorIndices: number[];
  inputTensors: unknown[];
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `(None, 32)`; several outputs are separated by ", ". */
export function formatShape(shape: unknown): string {
  const one = (s: (number | null)[]) =>
    `(${s.map((d) => (d === null ? "None" : String(d))).join(", ")}${s.length === 1 ? "," : ""})`;
  if (Array.isArray(shape) && Array.isArray(shape[0]))
    return (shape as (number | null)[][]).map(one).join(", ");
  return one(shape as (number | null)[]);
}

/** `1,153`. */
export const thousands = (n: number): string => n.toLocaleString("en-US");

/** `4.50 KB`: Keras's `readable_memory_size` (1024-based units, two decimals). */
export function readableSize(bytes: number): string {
  let size = bytes;
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i++;
  }
  return `${size.toFixed(2)} ${units[i]}`;
}

/** The memory of `params` float32 weights, e.g. `4.50 KB` for 1,153. */
export const memorySize = (params: number): string => readableSize(params * 4);

const count = (weights: tf.LayerVariable[]): number =>
  weights.reduce((a, w) => a + w.shape.reduce((p: number, d) => p * (d ?? 1), 1), 0);

/**
 * Text width of each column, as Keras 3 prints in a notebook: `print_summary` takes
 * `min(88 or 108, terminal columns - 4)` = 76 characters (Jupyter reports 80 columns), splits
 * it at `[0.45, 0.80, 1.0]` (sequential-like) or `[0.3, 0.56, 0.74, 1.0]`, and rich shrinks
 * the columns evenly to fit the borders and padding.
 */
const WIDTHS = { sequential: [31, 22, 13], functional: [19, 17, 10, 17] };

/**
 * Wraps `text` at spaces into lines of at most `width` characters, as rich does in a table cell:
 * a word longer than the width gets its own line, cut to `width - 1` characters and `…`.
 */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}

/** The model's graph nodes by depth (tfjs `Container.nodesByDepth`). */
function nodesByDepth(model: KerasModel): GraphNode[][] {
  const byDepth = (model.tfModel as unknown as { nodesByDepth?: Record<string, GraphNode[]> })
    .nodesByDepth;
  return Object.values(byDepth ?? {});
}

/**
 * Keras 3's `sequential_like`: a Sequential, or a functional model whose graph is one chain
 * (one node per depth, each with one input tensor, no layer used twice). Those summaries have
 * no "Connected to" column.
 */
export function isSequentialLike(model: KerasModel): boolean {
  if (model.isSequential || !model.built) return true;
  const nodes = new Set<GraphNode>();
  for (const level of nodesByDepth(model)) {
    if (level.length > 1 || (level.length === 1 && level[0].inputTensors.length > 1)) return false;
    level.forEach((n) => nodes.add(n));
  }
  return model.tfModel.layers.every(
    (l) => (l.inboundNodes as unknown as GraphNode[]).filter((n) => nodes.has(n)).length <= 1,
  );
}

/**
 * Keras 3's `get_connections`: each inbound tensor of the layer's nodes in this model as
 * `layer_name[node_index][tensor_index]`, separated by ", "; `-` when there are none.
 */
function connections(layer: tf.layers.Layer, nodes: Set<GraphNode>): string {
  const links: string[] = [];
  for (const node of layer.inboundNodes as unknown as GraphNode[]) {
    if (!nodes.has(node)) continue;
    node.inboundLayers.forEach((l, i) =>
      links.push(`${l.name}[${node.nodeIndices[i]}][${node.tensorIndices[i]}]`),
    );
  }
  return links.length ? links.join(", ") : "-";
}

function rows(model: KerasModel): { rows: Row[]; functional: boolean } {
  const functional = !isSequentialLike(model);
  const out: Row[] = [];
  if (!model.built) {
    for (const layer of model.pendingLayers()) {
      out.push({ cells: [`${layer.name} (${layer.getClassName()})`, "?", "0 (unbuilt)"] });
    }
  }
  const nodes = new Set(nodesByDepth(model).flat());
  for (const layer of model.built ? model.layers : []) {
    const cells = [
      `${layer.name} (${layer.getClassName()})`,
      formatShape(layer.outputShape),
      thousands(layer.countParams()),
    ];
    if (functional) cells.push(connections(layer, nodes));
    out.push({ cells });
  }
  return { rows: out, functional };
}

/** Slot variables Keras 3 creates per trainable variable, by tfjs optimizer class. */
function kerasSlots(optimizer: tf.Optimizer): number | null {
  const config = optimizer.getConfig() as { momentum?: number; centered?: boolean };
  switch (optimizer.getClassName()) {
    case "SGD":
      return 0;
    case "Momentum": // keras SGD(momentum > 0): momentums
    case "Adagrad": // accumulators
      return 1;
    case "Adam": // momentums, velocities
    case "Adamax": // m, u
    case "Adadelta": // accumulated_grads, accumulated_delta_vars
      return 2;
    case "RMSProp": // velocities, momentums when momentum > 0, average_gradients when centered
      return 1 + ((config.momentum ?? 0) > 0 ? 1 : 0) + (config.centered ? 1 : 0);
    default:
      return null;
  }
}

/** Elements of the tfjs optimizer's own slot variables (for optimizer classes not listed). */
function tfjsSlotParams(optimizer: tf.Optimizer): number {
  let n = 0;
  for (const v of Object.values(optimizer as unknown as Record<string, unknown>)) {
    if (!Array.isArray(v)) continue;
    for (const slot of v as { variable?: unknown }[]) {
      if (slot?.variable instanceof tf.Variable) n += slot.variable.size;
    }
  }
  return n;
}

/**
 * Keras 3's "Optimizer params" (`count_params(model.optimizer.variables)`), or null while the
 * optimizer is not built (not compiled, or no training step yet: tfjs `iterations` is 0).
 *
 * Formula: Keras's optimizer variables are `iteration` (one int64, 8 bytes) and `learning_rate`
 * (one float32, 4 bytes), plus `k` float32 slots per trainable variable: SGD 0 (1 with
 * momentum), Adam 2 (momentums, velocities), RMSprop 1 (+1 with momentum, +1 centered), Adagrad
 * 1, Adamax 2, Adadelta 2. So params = 2 + k · trainable params and bytes = 12 + 4 · k ·
 * trainable params; Adam on a 21-parameter model: 44 params (180.00 B). (tfjs's own state
 * differs: `await optimizer.getWeights()` gives the iteration counter plus its slots, and tfjs
 * RMSProp always keeps a momentum slot; for optimizers not listed, their slots are counted.)
 */
export function optimizerParams(model: KerasModel): { params: number; bytes: number } | null {
  const optimizer = model.compileConfig?.optimizer;
  if (!optimizer || !model.built || optimizer.iterations === 0) return null;
  const trainable = count(model.tfModel.trainableWeights);
  const k = kerasSlots(optimizer);
  const slots = k === null ? tfjsSlotParams(optimizer) : k * trainable;
  return { params: 2 + slots, bytes: 12 + 4 * slots };
}

/** Keras 3's totals: Total (optimizer included once built), Trainable, Non-trainable, Optimizer. */
function totals(model: KerasModel): string[] {
  if (!model.built) return [" Total params: 0 (unbuilt)"];
  const t = count(model.tfModel.trainableWeights);
  const nt = count(model.tfModel.nonTrainableWeights);
  const opt = optimizerParams(model);
  const total = t + nt + (opt?.params ?? 0);
  const totalBytes = 4 * (t + nt) + (opt?.bytes ?? 0);
  return [
    ` Total params: ${thousands(total)} (${readableSize(totalBytes)})`,
    ` Trainable params: ${thousands(t)} (${memorySize(t)})`,
    ` Non-trainable params: ${thousands(nt)} (${memorySize(nt)})`,
    ...(opt ? [` Optimizer params: ${thousands(opt.params)} (${readableSize(opt.bytes)})`] : []),
  ];
}

/** The summary as text with box-drawing characters, cells wrapped to Keras's column widths. */
export function summaryText(model: KerasModel): string {
  const { rows: body, functional } = rows(model);
  const header = functional
    ? ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    : ["Layer (type)", "Output Shape", "Param #"];
  const widths = functional ? WIDTHS.functional : WIDTHS.sequential;
  const pad = (s: string, j: number) => (j === 2 ? s.padStart(widths[j]) : s.padEnd(widths[j]));
  const line = (l: string, m: string, r: string, fill: string) =>
    l + widths.map((w) => fill.repeat(w + 2)).join(m) + r;
  const block = (cells: string[], edge: string): string[] => {
    const wrapped = cells.map((c, j) => wrapCell(c, widths[j]));
    const height = Math.max(...wrapped.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, k) => edge + wrapped.map((c, j) => ` ${pad(c[k] ?? "", j)} `).join(edge) + edge,
    );
  };
  const out = [`Model: "${model.name}"`, line("┏", "┳", "┓", "━")];
  out.push(...block(header, "┃"));
  out.push(line("┡", "╇", "┩", "━"));
  body.forEach((r, i) => {
    out.push(...block(r.cells, "│"));
    if (i < body.length - 1) out.push(line("├", "┼", "┤", "─"));
  });
  out.push(line("└", "┴", "┘", "─"));
  return [...out, ...totals(model)].join("\n");
}

/** The summary as an HTML table. */
export function summaryHtml(model: KerasModel): string {
  const { rows: body, functional } = rows(model);
  const header = [
    "Layer (type)",
    "Output Shape",
    "Param #",
    ...(functional ? ["Connected to"] : []),
  ];
  const td = (c: string, j: number) =>
    `<td style="text-align:${j === 2 ? "right" : "left"}">${esc(c)}</td>`;
  const th = header
    .map((h, j) => `<th style="text-align:${j === 2 ? "right" : "left"}">${h}</th>`)
    .join("");
  const trs = body.map((r) => `<tr>${r.cells.map(td).join("")}</tr>`).join("");
  const foot = totals(model)
    .map((t) => {
      const [k, v] = t.trim().split(": ");
      return `<div><b>${esc(k)}:</b> ${esc(v ?? "")}</div>`;
    })
    .join("");
  return (
    `<div class="tslab-ml-summary"><div>Model: <b>"${esc(model.name)}"</b></div>` +
    `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>${foot}</div>`
  );
}

/** `{text/plain, text/html}` for the notebook. */
export function summaryBundle(model: KerasModel): MimeBundle {
  return { "text/plain": summaryText(model), "text/html": summaryHtml(model) };
}
