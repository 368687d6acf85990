/**
 * `keras.models.loadModel("x.keras")`: reads a Keras 3 `.keras` file, written here or by Python
 * Keras 3 (see `./kerasFile` for the format).
 *
 * Behaviour: checks the zip, its members, config.json, every layer and every weight shape
 * before returning; on any error a ValueError says what is wrong and the partly built model is
 * freed (nothing half-loaded). The compile_config is applied when this project can rebuild it
 * (see `./compileConfig`), then the optimizer state (`./optimizerState`); otherwise the model
 * loads uncompiled with a warning.
 *
 * @example
 * const model = await loadKerasFile("models/reg.keras");
 */
import fs from "fs";
import path from "path";
import type { KerasModel } from "../../engine/model";
import { readH5 } from "./h5";
import { checkFile } from "./checkFile";
import { compileFromKeras } from "./compileConfig";
import { withTempDir } from "./kerasFile";
import { modelFromKeras } from "./modelFromKeras";
import { assignSlots, readSlots } from "./weightsLayout";
import { restoreOptimizer } from "./optimizerState";
import { requireMembers, unzipMembers } from "./zip";
import type { KerasObject } from "./kerasObjects";
import { ValueError } from "../../../validation/errors";

/** Reads h5 `bytes` (from `file`) into datasets. */
async function readH5Bytes(where: string, file: string, bytes: Uint8Array) {
  return withTempDir(async (dir) => {
    const tmp = path.join(dir, "model.weights.h5");
    fs.writeFileSync(tmp, bytes);
    try {
      return await readH5(where, tmp);
    } catch (e) {
      throw new ValueError((e as Error).message.replace(tmp, `${file} (model.weights.h5)`));
    }
  });
}

/** `keras.models.loadModel("x.keras")`. */
export async function loadKerasFile(file: string): Promise<KerasModel> {
  const where = "loadModel";
  checkFile(where, file, ".keras file");
  const members = unzipMembers(where, file, new Uint8Array(fs.readFileSync(file)));
  requireMembers(where, file, members, ["config.json", "model.weights.h5"]);
  let json: KerasObject;
  try {
    json = JSON.parse(Buffer.from(members["config.json"]).toString("utf8")) as KerasObject;
  } catch (e) {
    throw new ValueError(`${where}: ${file} has a damaged config.json (${(e as Error).message})`);
  }
  const store = await readH5Bytes(where, file, members["model.weights.h5"]);
  const { model, slots } = modelFromKeras(json, where);
  try {
    assignSlots(slots, readSlots(where, file, slots, store));
  } catch (e) {
    model.dispose();
    throw e;
  }
  const why = compileFromKeras(model, json.compile_config, where);
  if (why) {
    console.warn(
      `${where}: ${file} was loaded without its training configuration (${why}); ` +
        `call model.compile(...) before fit or evaluate`,
    );
    return model;
  }
  const skipped = await restoreOptimizer(model, store);
  if (skipped) console.warn(`${where}: the optimizer starts afresh: ${skipped}`);
  return model;
}
