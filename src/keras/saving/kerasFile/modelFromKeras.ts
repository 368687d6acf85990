/**
 * A tslab-ml model rebuilt from a Keras 3 `config.json` (Sequential and Functional).
 *
 * Behaviour: `modelFromKeras(json)` builds the model with the layer names of the file and
 * returns its layers in file order for the weights. Layer order in a Functional config need not
 * be topological; Keras 2 style `inbound_nodes` are read too. Anything outside the supported
 * layers, several outputs, or a nested model gives a ValueError naming it.
 *
 * @example
 * const { model } = modelFromKeras(modelToKeras(Sequential([Input({ shape: [3] }), Dense(1)]), "save"), "load");
 * model.countParams(); // 4
 */
import type * as tf from "@tensorflow/tfjs";
import { FunctionalModel } from "../../engine/functional";
import type { KerasModel } from "../../engine/model";
import { SequentialModel } from "../../engine/sequential";
import { Input } from "../../layers/input";
import type { KerasObject } from "./kerasObjects";
import { layerFromConfig } from "./layerFromConfig";
import type { LayerSlot } from "./weightsLayout";
import { ValueError, describe } from "../../../validation/errors";

type Triple = [string, number, number];

/** A model rebuilt from config.json, and its layers in file order. */
export interface RebuiltModel {
  model: KerasModel;
  slots: LayerSlot[];
}

function layerEntries(json: KerasObject, where: string): KerasObject[] {
  const layers = (json.config as { layers?: unknown } | undefined)?.layers;
  if (!Array.isArray(layers)) {
    throw new ValueError(
      `${where}: config.json has no layer list (config.layers); got ${describe(layers)}`,
    );
  }
  for (const l of layers as KerasObject[]) {
    if (
      l?.class_name === "Sequential" ||
      l?.class_name === "Functional" ||
      l?.class_name === "Model"
    ) {
      throw new ValueError(
        `${where}: nested models (a ${l.class_name} inside the model) are not supported in .keras files`,
      );
    }
  }
  return layers as KerasObject[];
}

function batchShapeOf(entry: KerasObject): (number | null)[] | null {
  const c = entry.config ?? {};
  const shape = (c.batch_shape ?? c.batch_input_shape) as (number | null)[] | undefined;
  return Array.isArray(shape) ? shape : null;
}

function sequentialFromKeras(json: KerasObject, where: string): RebuiltModel {
  const entries = layerEntries(json, where);
  const first = entries[0];
  const rest = first?.class_name === "InputLayer" ? entries.slice(1) : entries;
  const batchShape =
    (first?.class_name === "InputLayer" ? batchShapeOf(first) : null) ??
    ((json.config.build_input_shape ??
      (json.build_config as { input_shape?: unknown })?.input_shape) as (number | null)[] | null) ??
    (rest[0]?.build_config as { input_shape?: (number | null)[] } | undefined)?.input_shape ??
    null;
  if (!batchShape) {
    throw new ValueError(`${where}: config.json gives no input shape for the Sequential model`);
  }
  const layers = rest.map((e) => layerFromConfig(e, where));
  const name = typeof json.config.name === "string" ? json.config.name : undefined;
  const model = new SequentialModel(
    [Input({ shape: batchShape.slice(1) as number[] }), ...layers],
    { name },
  );
  return { model, slots: rest.map((e, i) => ({ cls: String(e.class_name), layer: layers[i] })) };
}

type AnyTensor = tf.SymbolicTensor;

function historyOf(arg: unknown): Triple | null {
  const a = arg as { class_name?: string; config?: { keras_history?: Triple } };
  const history = a?.config?.keras_history;
  if (a?.class_name === "__keras_tensor__" && Array.isArray(history)) return history;
  if (Array.isArray(arg) && typeof arg[0] === "string" && arg.length >= 3)
    return arg as unknown as Triple;
  return null;
}

/** The inbound tensors of one node: Keras 3 `{ args, kwargs }` or Keras 2 `[[name, n, t, {}]…]`. */
function nodeInputs(node: unknown): { triples: Triple[]; list: boolean } {
  if (Array.isArray(node)) {
    const triples = (node as unknown[]).map(historyOf).filter((t): t is Triple => t !== null);
    return { triples, list: triples.length > 1 };
  }
  const first = (node as { args?: unknown[] })?.args?.[0];
  if (Array.isArray(first) && historyOf(first) === null) {
    return { triples: first.map(historyOf).filter((t): t is Triple => t !== null), list: true };
  }
  const one = historyOf(first);
  return { triples: one ? [one] : [], list: false };
}

function functionalFromKeras(json: KerasObject, where: string): RebuiltModel {
  const entries = layerEntries(json, where);
  const outputs = new Map<string, (AnyTensor | AnyTensor[])[]>();
  const slots: LayerSlot[] = [];
  const pending: { entry: KerasObject; layer: tf.layers.Layer; nodes: unknown[]; done: number }[] =
    [];
  for (const entry of entries) {
    const name = String(entry.name ?? entry.config?.name);
    if (entry.class_name === "InputLayer") {
      const shape = batchShapeOf(entry);
      if (!shape)
        throw new ValueError(`${where}: input "${name}" in config.json has no batch_shape`);
      outputs.set(name, [Input({ shape: shape.slice(1) as number[], name })]);
      slots.push({ cls: "InputLayer", layer: null });
      continue;
    }
    const layer = layerFromConfig(entry, where);
    slots.push({ cls: String(entry.class_name), layer });
    pending.push({ entry, layer, nodes: (entry.inbound_nodes as unknown[]) ?? [], done: 0 });
    outputs.set(name, []);
  }
  const resolve = ([name, node, index]: Triple): AnyTensor | undefined => {
    const out = outputs.get(name)?.[node];
    return Array.isArray(out) ? out[index] : index === 0 ? out : undefined;
  };
  let progress = true;
  while (progress) {
    progress = false;
    for (const p of pending) {
      while (p.done < p.nodes.length) {
        const { triples, list } = nodeInputs(p.nodes[p.done]);
        const inputs = triples.map(resolve);
        if (triples.length === 0 || inputs.some((t) => t === undefined)) break;
        const applied = p.layer.apply(list ? (inputs as AnyTensor[]) : (inputs[0] as AnyTensor));
        outputs.get(p.layer.name)?.push(applied as AnyTensor | AnyTensor[]);
        p.done += 1;
        progress = true;
      }
    }
  }
  const stuck = pending.find((p) => p.done < p.nodes.length);
  if (stuck) {
    throw new ValueError(
      `${where}: layer "${stuck.layer.name}" in config.json is connected to a tensor no layer produces`,
    );
  }
  const toTriples = (v: unknown): Triple[] =>
    Array.isArray(v) && typeof v[0] === "string" ? [v as Triple] : ((v as Triple[]) ?? []);
  const pick = (arg: string): AnyTensor[] =>
    toTriples(json.config[arg]).map((t) => {
      const tensor = resolve(t);
      if (!tensor)
        throw new ValueError(
          `${where}: config.json ${arg} names unknown tensor ${JSON.stringify(t)}`,
        );
      return tensor;
    });
  const name = typeof json.config.name === "string" ? json.config.name : undefined;
  const model = new FunctionalModel({
    inputs: pick("input_layers"),
    outputs: pick("output_layers"),
    name,
  });
  return { model, slots };
}

/** Rebuilds the model of a Keras 3 config.json object (see the module doc). */
export function modelFromKeras(json: KerasObject, where: string): RebuiltModel {
  if (
    json === null ||
    typeof json !== "object" ||
    typeof json.config !== "object" ||
    !json.config
  ) {
    throw new ValueError(`${where}: config.json is not a Keras 3 model config`);
  }
  const cls = String(json.class_name);
  if (cls === "Sequential") return sequentialFromKeras(json, where);
  if (cls === "Functional" || cls === "Model") return functionalFromKeras(json, where);
  throw new ValueError(
    `${where}: config.json holds a ${cls} model; supported are Sequential and Functional models ` +
      `(a subclassed Python model cannot be rebuilt outside Python)`,
  );
}
