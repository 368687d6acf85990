/**
 * Where Keras 3 keeps each layer's weights in `model.weights.h5`, and moving weights between a
 * model and that layout.
 *
 * Behaviour: layers are addressed by class, not by name: the class in snake case with a counter
 * per class in model order (`layers/dense`, `layers/dense_1`, `layers/batch_normalization`), as
 * Keras's saving library does. Variables are datasets `0, 1, …` under `<group>/vars`, or
 * `<group>/cell/vars` for SimpleRNN / LSTM / GRU, in Keras's variable order (which is tfjs's:
 * kernel, recurrent_kernel, bias; gamma, beta, moving_mean, moving_variance). `readSlots` checks
 * every layer's count and shapes before any weight is set, so a bad file changes nothing.
 *
 * @example
 * kerasSnakeCase("BatchNormalization"); // "batch_normalization"
 * kerasSnakeCase("SimpleRNN"); // "simple_rnn"
 */
import * as tf from "@tensorflow/tfjs";
import type { H5Dataset } from "./h5";
import { RECURRENT_LAYERS } from "./layerConfig";
import { ValueError } from "../../../validation/errors";

/** One layer of a model in Keras's order: its Keras class and the tfjs layer (null for inputs). */
export interface LayerSlot {
  cls: string;
  layer: tf.layers.Layer | null;
}

/** Keras's `naming.to_snake_case`. */
export function kerasSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, "")
    .replace(/(.)([A-Z][a-z]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

/** The h5 group of each slot and the group holding its variables. */
export function slotGroups(slots: LayerSlot[]): { group: string; vars: string }[] {
  const used = new Map<string, number>();
  return slots.map((s) => {
    const base = kerasSnakeCase(s.cls);
    const n = used.has(base) ? (used.get(base) as number) + 1 : 0;
    used.set(base, n);
    const group = `layers/${n === 0 ? base : `${base}_${n}`}`;
    return {
      group,
      vars: RECURRENT_LAYERS.includes(s.cls) ? `${group}/cell/vars` : `${group}/vars`,
    };
  });
}

/** The groups (parents first) and datasets Keras would write for these layers. */
export function slotDatasets(slots: LayerSlot[]): { groups: string[]; datasets: H5Dataset[] } {
  const groups = ["layers"];
  const datasets: H5Dataset[] = [];
  slotGroups(slots).forEach(({ group, vars }, i) => {
    groups.push(group);
    if (vars !== `${group}/vars`) groups.push(`${group}/cell`);
    groups.push(vars);
    if (vars !== `${group}/vars`) groups.push(`${group}/vars`);
    const weights = slots[i].layer?.weights ?? [];
    weights.forEach((w, k) => {
      const t = w.read();
      datasets.push({
        path: `${vars}/${k}`,
        shape: [...t.shape],
        data: t.dataSync() as Float32Array,
      });
    });
  });
  groups.push("vars");
  return { groups, datasets };
}

function shapeText(s: readonly number[]): string {
  return `(${s.join(", ")}${s.length === 1 ? "," : ""})`;
}

/**
 * The stored weights of every slot, as tensors in layer order, after checking counts and
 * shapes against the layers (the caller sets them and disposes the tensors).
 */
export function readSlots(
  where: string,
  file: string,
  slots: LayerSlot[],
  store: Map<string, H5Dataset>,
): tf.Tensor[][] {
  const groups = slotGroups(slots);
  const plan = slots.map((s, i) => {
    const own = s.layer?.weights ?? [];
    const { vars } = groups[i];
    const stored: H5Dataset[] = [];
    for (let k = 0; store.has(`${vars}/${k}`); k++)
      stored.push(store.get(`${vars}/${k}`) as H5Dataset);
    const label = s.layer
      ? `layer "${s.layer.name}" (${s.cls}, stored as ${groups[i].group})`
      : s.cls;
    if (stored.length !== own.length) {
      throw new ValueError(
        `${where}: ${file} holds ${stored.length} weights for ${label} but the layer has ${own.length}` +
          (stored.length === 0 ? ` (no datasets under ${vars})` : ""),
      );
    }
    stored.forEach((d, k) => {
      const want = own[k].shape as number[];
      const size = want.reduce((a, b) => a * b, 1);
      if (d.shape.join(",") !== want.join(",") || d.data.length !== size) {
        throw new ValueError(
          `${where}: ${file} has shape ${shapeText(d.shape)} for ${vars}/${k} but ${label} needs ` +
            `${own[k].originalName ?? own[k].name} of shape ${shapeText(want)}`,
        );
      }
    });
    return stored;
  });
  return plan.map((stored, i) =>
    stored.map((d, k) => {
      const own = (slots[i].layer as tf.layers.Layer).weights[k];
      const values = d.data instanceof Float32Array ? d.data : Float32Array.from(d.data, Number);
      return tf.tensor(values, own.shape as number[], own.dtype);
    }),
  );
}

/** Sets `tensors` (from `readSlots`) into the slots' layers and disposes them. */
export function assignSlots(slots: LayerSlot[], tensors: tf.Tensor[][]): void {
  try {
    slots.forEach((s, i) => {
      if (s.layer && tensors[i].length) s.layer.setWeights(tensors[i]);
    });
  } finally {
    tf.dispose(tensors.flat());
  }
}
