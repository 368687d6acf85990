/**
 * Writing Keras 3 `.keras` files, and `.weights.h5` weight files both ways: `saveKerasFile`,
 * `saveWeightsH5`, `loadWeightsH5` (behind `model.save("x.keras")`,
 * `model.saveWeights("x.weights.h5")` and `model.loadWeights("x.weights.h5")`; reading
 * `.keras` files is `./loadKerasFile`).
 *
 * Behaviour: a `.keras` file is a zip of `metadata.json` (`keras_version` "3.5.0", the format
 * version written, and `date_saved`), `config.json` (Keras 3 serialisation with build_config and
 * compile_config) and `model.weights.h5` (the layout of `weightsLayout`); files written by
 * Python Keras 3 load when every layer is supported. The optimizer state (`./optimizerState`) is
 * written too and restored by `loadModel`, so training resumes where it stopped. Writes go to a temporary file in the
 * same folder, renamed into place, so a failed save keeps the previous file. `loadWeightsH5`
 * checks every layer's weight count and shapes before setting any.
 *
 * @example
 * await saveKerasFile(model, "models/reg.keras");
 * await saveWeightsH5(model, "models/reg.weights.h5");
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { KerasModel } from "../../engine/model";
import { readH5, writeH5 } from "./h5";
import { checkFile } from "./checkFile";
import { kerasCompileConfig } from "./compileConfig";
import { modelSlots, modelToKeras } from "./modelToKeras";
import { assignSlots, readSlots, slotDatasets } from "./weightsLayout";
import { zipMembers } from "./zip";
import { optimizerDatasets } from "./optimizerState";
import { writeFileAtomically } from "../atomicWrite";

/** The Keras version written to metadata.json: the format these files follow. */
export const KERAS_FORMAT_VERSION = "3.5.0";

function dateSaved(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}@` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
  );
}

/** Runs `fn` with a fresh temporary folder that is removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tslab-ml-h5-"));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bytes of `model.weights.h5` for `model`. */
async function weightsBytes(model: KerasModel, where: string): Promise<Uint8Array> {
  const layers = slotDatasets(modelSlots(model, where));
  const optimizer = optimizerDatasets(model);
  const groups = [...layers.groups, ...(optimizer?.groups ?? [])];
  const datasets = [...layers.datasets, ...(optimizer?.datasets ?? [])];
  return withTempDir(async (dir) => {
    const file = path.join(dir, "model.weights.h5");
    await writeH5(file, groups, datasets);
    return new Uint8Array(fs.readFileSync(file));
  });
}

/** `model.save("x.keras")`. */
export async function saveKerasFile(model: KerasModel, file: string): Promise<void> {
  const where = "save";
  const config = modelToKeras(model, where);
  const compile = kerasCompileConfig(model.compileConfig);
  if (compile) config.compile_config = compile;
  const weights = await weightsBytes(model, where);
  const bytes = zipMembers({
    "metadata.json": JSON.stringify({
      keras_version: KERAS_FORMAT_VERSION,
      date_saved: dateSaved(),
    }),
    "config.json": JSON.stringify(config),
    "model.weights.h5": weights,
  });
  writeFileAtomically(where, file, bytes);
}

/** `model.saveWeights("x.weights.h5")`: the weights file alone, in the Keras 3 layout. */
export async function saveWeightsH5(model: KerasModel, file: string): Promise<void> {
  const bytes = await weightsBytes(model, "saveWeights");
  writeFileAtomically("saveWeights", file, bytes);
}

/** `model.loadWeights("x.weights.h5")`: checks every layer first, then sets all weights. */
export async function loadWeightsH5(model: KerasModel, file: string): Promise<void> {
  const where = "loadWeights";
  checkFile(where, file, "weights file");
  const store = await readH5(where, file);
  const slots = modelSlots(model, where);
  assignSlots(slots, readSlots(where, file, slots, store));
}
