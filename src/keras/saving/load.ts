/**
 * `keras.models.loadModel(path)`: reloads a `.keras` file (written here or by Python Keras 3; see
 * `./kerasFile`) or a model folder saved by `model.save(folder)`, with its
 * weights bit for bit and, when it was compiled, its optimizer (name and configuration), loss
 * and metrics.
 *
 * Behaviour: the path may start with `file://` and may name the folder's model.json. A missing
 * folder, a folder without model.json, or a weights.bin whose size does not
 * match the manifest (truncated) throws a ValueError that says which. Custom layers must be
 * registered (`tf.serialization.registerClass`) before loading.
 *
 * @example
 * await model.save("models/reg");
 * const again = await keras.models.loadModel("models/reg");
 * again.countParams() === model.countParams(); // true
 */
import fs from "fs";
import nodePath from "path";
import * as tf from "@tensorflow/tfjs";
import { optimizerFromConfig } from "../optimizers";
import { FunctionalModel } from "../engine/functional";
import type { KerasModel } from "../engine/model";
import { SequentialModel } from "../engine/sequential";
import { checkSavePath, readJson, readWeightsBin } from "./files";
import { loadKerasFile } from "./kerasFile/loadKerasFile";
import type { SavedMetadata } from "./save";
import { ValueError } from "../../validation/errors";

/** Loads a saved model folder (see the module doc). */
export async function loadModel(path: string): Promise<KerasModel> {
  const checked = checkSavePath("loadModel", path);
  if (checked.kind === "keras") return loadKerasFile(checked.path);
  let folder = checked.path;
  if (/(^|[\\/])model\.json$/.test(folder) && fs.existsSync(folder) && fs.statSync(folder).isFile())
    folder = nodePath.dirname(folder);
  const json = readJson("loadModel", folder, "model.json", "a saved model");
  const manifest = json.weightsManifest as {
    paths: string[];
    weights: tf.io.WeightsManifestEntry[];
  }[];
  if (!json.modelTopology || !Array.isArray(manifest)) {
    throw new ValueError(
      `loadModel: ${folder}/model.json is not a tfjs layers model (modelTopology or weightsManifest missing)`,
    );
  }
  const specs = manifest.flatMap((m) => m.weights);
  const weightData = readWeightsBin("loadModel", folder, specs);
  const tfModel = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology as object,
      weightSpecs: specs,
      weightData,
    }),
  );
  const topo = json.modelTopology as {
    class_name?: string;
    model_config?: { class_name?: string };
  };
  const cls = topo.model_config?.class_name ?? topo.class_name;
  const model: KerasModel =
    cls === "Sequential"
      ? new SequentialModel([], {}, tfModel as tf.Sequential)
      : new FunctionalModel({ inputs: [], outputs: [] }, tfModel);
  const meta = (json.userDefinedMetadata as { tslabMl?: SavedMetadata } | undefined)?.tslabMl;
  if (meta?.compile) {
    model.compile({
      optimizer: optimizerFromConfig(meta.compile.optimizer, "loadModel"),
      loss: meta.compile.loss,
      metrics: meta.compile.metrics,
    });
  }
  return model;
}
