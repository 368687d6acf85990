/**
 * A model's architecture as Keras 3's `config.json` (Sequential and Functional).
 *
 * Behaviour: `modelToKeras(model)` gives `{ module, class_name, config, registered_name,
 * build_config }` with the layers in Keras's order (Functional layers with Keras 3
 * `inbound_nodes` of `__keras_tensor__` arguments, `input_layers` / `output_layers` as
 * `[name, node, tensor]` triples). A layer `.keras` files cannot hold is a ValueError naming it.
 *
 * @example
 * modelToKeras(Sequential([Input({ shape: [3] }), Dense(1)]), "save").class_name; // "Sequential"
 */
import type * as tf from "@tensorflow/tfjs";
import type { KerasModel } from "../../engine/model";
import { dtypePolicy, kerasObject, type KerasObject } from "./kerasObjects";
import { inputLayerEntry, kerasClassOf, kerasLayerEntry } from "./layerConfig";
import type { LayerSlot } from "./weightsLayout";

type Triple = [string, number, number];
type TfjsNode = [string, number, number, object][];

function shapeOf(t: tf.SymbolicTensor): (number | null)[] {
  return t.shape.map((d) => (d === undefined ? null : d));
}

/** The layers of `model` in Keras's order, with their Keras classes (see LayerSlot). */
export function modelSlots(model: KerasModel, where: string): LayerSlot[] {
  return model.tfModel.layers.map((layer) => ({ cls: kerasClassOf(layer, where), layer }));
}

function kerasTensor(layers: tf.layers.Layer[], [name, node, index]: Triple): object {
  const layer = layers.find((l) => l.name === name);
  const out = layer?.inboundNodes[node]?.outputTensors[index];
  return {
    class_name: "__keras_tensor__",
    config: {
      shape: out ? shapeOf(out) : null,
      dtype: "float32",
      keras_history: [name, node, index],
    },
  };
}

/** The Keras 3 config.json object of `model` (without compile_config). */
export function modelToKeras(model: KerasModel, where: string): KerasObject {
  const tfModel = model.tfModel;
  const slots = modelSlots(model, where);
  if (model.isSequential) {
    const input = tfModel.inputs[0];
    const shape = shapeOf(input);
    const layers = [
      inputLayerEntry(input.sourceLayer.name, shape.slice(1)),
      ...slots.map((s) => kerasLayerEntry(s.layer as tf.layers.Layer, where)),
    ];
    const entry = kerasObject("keras", "Sequential", {
      name: model.name,
      trainable: true,
      dtype: dtypePolicy(),
      layers,
      build_input_shape: shape,
    });
    entry.build_config = { input_shape: shape };
    return entry;
  }
  const tfConfig = tfModel.getConfig() as {
    layers: { name: string; inboundNodes: TfjsNode[] }[];
    inputLayers: Triple[];
    outputLayers: Triple[];
  };
  const layers = slots.map((s, i) => {
    const entry = kerasLayerEntry(s.layer as tf.layers.Layer, where);
    const nodes = tfConfig.layers[i].inboundNodes.map((node) => {
      const tensors = node.map(([n, k, t]) => kerasTensor(tfModel.layers, [n, k, t]));
      return { args: [tensors.length === 1 ? tensors[0] : tensors], kwargs: {} };
    });
    return { ...entry, name: (s.layer as tf.layers.Layer).name, inbound_nodes: nodes };
  });
  const entry = kerasObject("keras.src.models.functional", "Functional", {
    name: model.name,
    trainable: true,
    layers,
    input_layers: tfConfig.inputLayers,
    output_layers: tfConfig.outputLayers,
  });
  entry.registered_name = "Functional";
  entry.build_config = { input_shape: null };
  return entry;
}
