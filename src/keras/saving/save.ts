/**
 * Saving without tfjs-node: `model.save(folder)` writes `model.json` (tfjs layers-model format,
 * with the compile configuration in `userDefinedMetadata.tslabMl`) and `weights.bin`;
 * `model.saveWeights(folder)` writes `weights.json` + `weights.bin`; `model.loadWeights(folder)`
 * reads them back in weight order. Writes are atomic: a failed save keeps the previous files.
 *
 * @example
 * await model.save("models/reg");
 * fs.readdirSync("models/reg").sort(); // ["model.json", "weights.bin"]
 */
import * as tf from "@tensorflow/tfjs";
import { optimizerConfig } from "../optimizers";
import type { KerasModel } from "../engine/model";
import {
  checkFolderPath,
  decodeInOrder,
  readJson,
  readWeightsBin,
  writeFolderAtomically,
} from "./files";
import { ValueError } from "../../validation/errors";

/** What we keep in model.json's `userDefinedMetadata.tslabMl`. */
export interface SavedMetadata {
  compile: {
    optimizer: { name: string; config: Record<string, number | boolean> };
    loss: string;
    metrics: string[];
  } | null;
}

const bytes = (data: tf.io.WeightData): Uint8Array =>
  new Uint8Array(tf.io.CompositeArrayBuffer.join(data as ArrayBuffer[]));

/** `model.save(path)`. */
export async function saveModel(model: KerasModel, target: string): Promise<void> {
  checkFolderPath("save", target);
  const c = model.compileConfig;
  const meta: SavedMetadata = {
    compile: c
      ? { optimizer: optimizerConfig(c.optimizer), loss: c.loss, metrics: c.metrics }
      : null,
  };
  let files: Record<string, string | Uint8Array> | null = null;
  await model.tfModel.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const json = {
        format: "layers-model",
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs ?? [] }],
        userDefinedMetadata: { tslabMl: meta },
      };
      files = {
        "model.json": JSON.stringify(json),
        "weights.bin": bytes(artifacts.weightData ?? new ArrayBuffer(0)),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  writeFolderAtomically("save", target, files as unknown as Record<string, string | Uint8Array>);
}

/** `model.saveWeights(path)`. */
export async function saveModelWeights(model: KerasModel, target: string): Promise<void> {
  checkFolderPath("saveWeights", target);
  const named = model.tfModel.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
  const { data, specs } = await tf.io.encodeWeights(named);
  writeFolderAtomically("saveWeights", target, {
    "weights.json": JSON.stringify({ format: "tslab-ml-weights", weights: specs }),
    "weights.bin": new Uint8Array(data),
  });
}

/** `model.loadWeights(path)`: by order, checking count and shapes. */
export async function loadModelWeights(model: KerasModel, folder: string): Promise<void> {
  checkFolderPath("loadWeights", folder);
  const json = readJson("loadWeights", folder, "weights.json", "a weights folder");
  const specs = json.weights as tf.io.WeightsManifestEntry[];
  const own = model.tfModel.weights;
  if (!Array.isArray(specs) || specs.length !== own.length) {
    throw new ValueError(
      `loadWeights: ${folder} holds ${Array.isArray(specs) ? specs.length : 0} weights but model "${model.name}" has ${own.length}`,
    );
  }
  specs.forEach((s, i) => {
    if (s.shape.join(",") !== own[i].shape.join(",")) {
      throw new ValueError(
        `loadWeights: weight ${i} (${s.name}) has shape [${s.shape.join(", ")}] but the model's ${own[i].originalName} has [${own[i].shape.join(", ")}]`,
      );
    }
  });
  const tensors = decodeInOrder(readWeightsBin("loadWeights", folder, specs), specs);
  try {
    model.tfModel.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}
