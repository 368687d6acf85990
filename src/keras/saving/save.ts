/**
 * Saving without tfjs-node. `model.save("x.keras")` writes the Keras 3 file format and
 * `model.saveWeights("x.weights.h5")` Keras 3's weights file (see `./kerasFile`). With a folder
 * path, `model.save(folder)` writes `model.json` (tfjs layers-model format,
 * with the compile configuration in `userDefinedMetadata.tslabMl`) and `weights.bin`;
 * `model.saveWeights(folder)` writes `weights.json` + `weights.bin`; `model.loadWeights(folder)`
 * reads them back in weight order. Writes are atomic: a failed save keeps the previous files.
 * Paths may start with `file://` (stripped). Importing this module registers the `file://`
 * routers of `./fileRouter` for `tfModel.save` / `tf.loadLayersModel`.
 *
 * @example
 * await model.save("models/reg.keras");
 * await model.save("models/reg");
 * fs.readdirSync("models/reg").sort(); // ["model.json", "weights.bin"]
 */
import * as tf from "@tensorflow/tfjs";
import { optimizerConfig } from "../optimizers";
import type { KerasModel } from "../engine/model";
import {
  checkSavePath,
  decodeInOrder,
  modelFolderFiles,
  readJson,
  readWeightsBin,
  writeFolderAtomically,
} from "./files";
import { ValueError } from "../../validation/errors";
import { loadWeightsH5, saveKerasFile, saveWeightsH5 } from "./kerasFile/kerasFile";
import "./fileRouter";

/** What we keep in model.json's `userDefinedMetadata.tslabMl`. */
export interface SavedMetadata {
  compile: {
    optimizer: { name: string; config: Record<string, number | boolean> };
    loss: string;
    metrics: string[];
  } | null;
}

/** `model.save(path)`. */
export async function saveModel(model: KerasModel, path: string): Promise<void> {
  const { path: target, kind } = checkSavePath("save", path);
  if (kind === "keras") return saveKerasFile(model, target);
  const c = model.compileConfig;
  const meta: SavedMetadata = {
    compile: c
      ? { optimizer: optimizerConfig(c.optimizer), loss: c.loss, metrics: c.metrics }
      : null,
  };
  let files: Record<string, string | Uint8Array> | null = null;
  await model.tfModel.save(
    tf.io.withSaveHandler(async (artifacts) => {
      files = modelFolderFiles(artifacts, { tslabMl: meta });
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  writeFolderAtomically("save", target, files as unknown as Record<string, string | Uint8Array>);
}

/** `model.saveWeights(path)`. */
export async function saveModelWeights(model: KerasModel, path: string): Promise<void> {
  const { path: target, kind } = checkSavePath("saveWeights", path);
  if (kind === "weightsH5") return saveWeightsH5(model, target);
  const named = model.tfModel.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
  const { data, specs } = await tf.io.encodeWeights(named);
  writeFolderAtomically("saveWeights", target, {
    "weights.json": JSON.stringify({ format: "tslab-ml-weights", weights: specs }),
    "weights.bin": new Uint8Array(data),
  });
}

/** `model.loadWeights(path)`: by order, checking count and shapes. */
export async function loadModelWeights(model: KerasModel, path: string): Promise<void> {
  const { path: folder, kind } = checkSavePath("loadWeights", path);
  if (kind === "weightsH5") return loadWeightsH5(model, folder);
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
