/**
 * `model.summary()` in Keras 3's format: `Model: "sequential"`, a box table with
 * Layer (type) / Output Shape / Param # (and "Connected to" for functional models), shapes as
 * `(None, 32)`, then `Total params: 1,153 (4.50 KB)`, trainable and non-trainable counts.
 *
 * @example
 * summaryText(Sequential([Input({ shape: [8] }), Dense(32)])).split("\n")[0]; // 'Model: "sequential"'
 */
import type * as tf from "@tensorflow/tfjs";
import type { MimeBundle } from "../../display/mime";
import type { KerasModel } from "./model";

interface Row {
  cells: string[][];
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `(None, 32)`; several outputs are listed one per line. */
export function formatShape(shape: unknown): string {
  const one = (s: (number | null)[]) =>
    `(${s.map((d) => (d === null ? "None" : String(d))).join(", ")}${s.length === 1 ? "," : ""})`;
  if (Array.isArray(shape) && Array.isArray(shape[0]))
    return (shape as (number | null)[][]).map(one).join(", ");
  return one(shape as (number | null)[]);
}

/** `1,153`. */
export const thousands = (n: number): string => n.toLocaleString("en-US");

/** `4.50 KB` (float32 weights, 1024-based units as Keras). */
export function memorySize(params: number): string {
  let size = params * 4;
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i++;
  }
  return `${size.toFixed(2)} ${units[i]}`;
}

const count = (weights: tf.LayerVariable[]): number =>
  weights.reduce((a, w) => a + w.shape.reduce((p: number, d) => p * (d ?? 1), 1), 0);

function rows(model: KerasModel): { rows: Row[]; functional: boolean } {
  const functional = !model.isSequential;
  const out: Row[] = [];
  if (!model.built) {
    for (const layer of model.pendingLayers()) {
      out.push({ cells: [[`${layer.name} (${layer.getClassName()})`], ["?"], ["0 (unbuilt)"]] });
    }
  }
  for (const layer of model.built ? model.layers : []) {
    const params = layer.countParams();
    const cells = [
      [`${layer.name} (${layer.getClassName()})`],
      [formatShape(layer.outputShape)],
      [thousands(params)],
    ];
    if (functional) {
      const node = layer.inboundNodes[0];
      const links = node
        ? node.inboundLayers.map(
            (l, i) => `${l.name}[${node.nodeIndices[i]}][${node.tensorIndices[i]}]`,
          )
        : [];
      cells.push(links.length ? links : ["-"]);
    }
    out.push({ cells });
  }
  return { rows: out, functional };
}

function totals(model: KerasModel): string[] {
  if (!model.built) return [" Total params: 0 (unbuilt)"];
  const t = count(model.tfModel.trainableWeights);
  const nt = count(model.tfModel.nonTrainableWeights);
  return [
    ` Total params: ${thousands(t + nt)} (${memorySize(t + nt)})`,
    ` Trainable params: ${thousands(t)} (${memorySize(t)})`,
    ` Non-trainable params: ${thousands(nt)} (${memorySize(nt)})`,
  ];
}

/** The summary as text with box-drawing characters. */
export function summaryText(model: KerasModel): string {
  const { rows: body, functional } = rows(model);
  const header = functional
    ? ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    : ["Layer (type)", "Output Shape", "Param #"];
  const widths = functional ? [25, 20, 11, 22] : [31, 22, 13];
  for (const r of body)
    r.cells.forEach((c, j) => c.forEach((l) => (widths[j] = Math.max(widths[j], l.length))));
  const pad = (s: string, j: number) => (j === 2 ? s.padStart(widths[j]) : s.padEnd(widths[j]));
  const line = (l: string, m: string, r: string, fill: string) =>
    l + widths.map((w) => fill.repeat(w + 2)).join(m) + r;
  const out = [`Model: "${model.name}"`, line("┏", "┳", "┓", "━")];
  out.push("┃" + header.map((h, j) => ` ${pad(h, j)} `).join("┃") + "┃");
  out.push(line("┡", "╇", "┩", "━"));
  body.forEach((r, i) => {
    const height = Math.max(...r.cells.map((c) => c.length));
    for (let k = 0; k < height; k++)
      out.push("│" + r.cells.map((c, j) => ` ${pad(c[k] ?? "", j)} `).join("│") + "│");
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
  const td = (c: string[], j: number) =>
    `<td style="text-align:${j === 2 ? "right" : "left"}">${c.map(esc).join("<br>")}</td>`;
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
