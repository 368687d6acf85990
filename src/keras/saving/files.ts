/**
 * Atomic folder writes and checked reads for saved models.
 *
 * Behaviour: `checkSavePath` tells a `.keras` file, a `.weights.h5` file and a folder apart.
 * `writeFolderAtomically` writes every file (flushed to disk) into a temporary folder beside the
 * target, then swaps it in with renames, so a failed or killed save leaves the previous files
 * intact; leftovers of killed saves are removed by the next successful one (`./atomicWrite`). A target
 * folder holding files other than ours is refused rather than replaced.
 *
 * @example
 * writeFolderAtomically("save", "models/reg", { "model.json": "{}" });
 * fs.existsSync("models/reg/model.json"); // true
 */
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import { ValueError } from "../../validation/errors";
import { removeStaleTemps, tempNameFor, writeDurableFile } from "./atomicWrite";

/** File names a saved model or weights folder may contain. */
export const SAVED_FILES = ["model.json", "weights.bin", "weights.json"];

/** `path` without a leading `file://` (`file:///tmp/m` is `/tmp/m`, `file://models/m` is `models/m`). */
export function stripFileScheme(target: string): string {
  return target.replace(/^file:\/\//i, "");
}

/** What a save / load path names: a `.keras` file, a `.weights.h5` file, or a folder. */
export type SavedKind = "keras" | "weightsH5" | "folder";

/**
 * Checks a save / load path for the function `where` and returns it without a `file://`
 * prefix, with what it names. `save` / `loadModel` take a `.keras` file or a folder;
 * `saveWeights` / `loadWeights` take a `.weights.h5` file (Keras 3's suffix) or a folder. A
 * legacy HDF5 model file (`.h5` / `.hdf5`), or a suffix given to the other function, is a
 * ValueError naming the path that works.
 */
export function checkSavePath(where: string, target: unknown): { path: string; kind: SavedKind } {
  if (typeof target !== "string" || stripFileScheme(target).trim() === "") {
    throw new ValueError(
      `${where}: path must be a file such as "models/reg.keras" or a folder such as "models/reg"; got ${String(target)}`,
    );
  }
  const p = stripFileScheme(target);
  const weightsFn = /weights/i.test(where);
  const q = (s: string) => JSON.stringify(s);
  if (/\.keras$/i.test(p)) {
    if (!weightsFn) return { path: p, kind: "keras" };
    const w = p.replace(/\.keras$/i, ".weights.h5");
    throw new ValueError(
      `${where}: a .keras file holds a whole model; use model.${where}(${q(w)}) for weights, ` +
        `or ${where === "saveWeights" ? "model.save" : "keras.models.loadModel"}(${q(p)})`,
    );
  }
  if (/\.weights\.(h5|hdf5)$/i.test(p)) {
    if (weightsFn) return { path: p, kind: "weightsH5" };
    const k = p.replace(/\.weights\.(h5|hdf5)$/i, ".keras");
    throw new ValueError(
      `${where}: ${q(p)} is a weights file; ${where === "save" ? "model.save" : "keras.models.loadModel"} ` +
        `takes a .keras file such as ${q(k)} (or use model.${where === "save" ? "saveWeights" : "loadWeights"}(${q(p)}))`,
    );
  }
  if (/\.(h5|hdf5)$/i.test(p)) {
    const stem = p.replace(/\.(h5|hdf5)$/i, "");
    throw new ValueError(
      weightsFn
        ? `${where}: weights files end in .weights.h5 (as in Keras 3); use ${q(`${stem}.weights.h5`)}`
        : `${where}: the legacy HDF5 model format (.h5) is not supported; use the Keras 3 format ` +
            `${q(`${stem}.keras`)} (in Python: model.save(${q(`${stem}.keras`)}))`,
    );
  }
  return { path: p, kind: "folder" };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** Writes `files` as the folder `target`, atomically (see the module doc). */
export function writeFolderAtomically(
  where: string,
  target: string,
  files: Record<string, string | Uint8Array>,
): void {
  const abs = path.resolve(target);
  const parent = path.dirname(abs);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new ValueError(`${where}: cannot create the folder of ${target} (${firstLine(e)})`);
  }
  const exists = fs.existsSync(abs);
  if (exists) {
    if (!fs.statSync(abs).isDirectory()) {
      throw new ValueError(`${where}: ${target} is a file; give a folder path`);
    }
    const foreign = fs.readdirSync(abs).filter((f) => !SAVED_FILES.includes(f));
    if (foreign.length) {
      throw new ValueError(
        `${where}: ${target} holds other files (${foreign.slice(0, 3).join(", ")}); choose a new or empty folder`,
      );
    }
  }
  const tmp = tempNameFor(abs);
  try {
    fs.mkdirSync(tmp);
    for (const [name, data] of Object.entries(files)) writeDurableFile(tmp, name, data);
    if (exists) {
      const old = `${tmp}.old`;
      fs.renameSync(abs, old);
      try {
        fs.renameSync(tmp, abs);
      } catch (e) {
        fs.renameSync(old, abs);
        throw e;
      }
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(tmp, abs);
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new ValueError(`${where}: cannot write ${target} (${firstLine(e)})`);
  }
  removeStaleTemps(abs);
}

/** Reads and parses a JSON file of a saved folder, with clear errors. */
export function readJson(
  where: string,
  folder: string,
  name: string,
  what: string,
): Record<string, unknown> {
  const file = path.join(folder, name);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new ValueError(`${where}: ${folder} is not a folder (nothing saved there)`);
  }
  if (!fs.existsSync(file))
    throw new ValueError(`${where}: ${folder} is not ${what} (${name} missing)`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new ValueError(`${where}: ${file} is not valid JSON (${(e as Error).message})`);
  }
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Bytes a list of weight specs needs. */
export function expectedBytes(specs: tf.io.WeightsManifestEntry[]): number {
  return specs.reduce((a, s) => a + s.shape.reduce((p, d) => p * d, 1) * (BYTES[s.dtype] ?? 4), 0);
}

/** Reads weights.bin of `folder` and checks its size against `specs`. */
export function readWeightsBin(
  where: string,
  folder: string,
  specs: tf.io.WeightsManifestEntry[],
): ArrayBuffer {
  const file = path.join(folder, "weights.bin");
  if (!fs.existsSync(file)) throw new ValueError(`${where}: ${file} is missing`);
  const buf = fs.readFileSync(file);
  const need = expectedBytes(specs);
  if (buf.length !== need) {
    throw new ValueError(
      `${where}: ${file} is ${buf.length < need ? "truncated" : "larger than expected"} ` +
        `(${buf.length.toLocaleString("en-US")} bytes; the manifest expects ${need.toLocaleString("en-US")})`,
    );
  }
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
}

/** Weight tensors in manifest order (float32 / int32, unquantised). */
export function decodeInOrder(data: ArrayBuffer, specs: tf.io.WeightsManifestEntry[]): tf.Tensor[] {
  let offset = 0;
  return specs.map((s) => {
    const size = s.shape.reduce((p, d) => p * d, 1);
    const values =
      s.dtype === "int32"
        ? new Int32Array(data, offset, size)
        : new Float32Array(data, offset, size);
    offset += size * 4;
    return tf.tensor(values.slice(), s.shape, s.dtype === "int32" ? "int32" : "float32");
  });
}

/**
 * The files of a saved-model folder for tfjs model artifacts: `model.json` (tfjs layers-model
 * format, weights in `weights.bin`) and `weights.bin`. `userDefinedMetadata` replaces the
 * artifacts' own when given.
 */
export function modelFolderFiles(
  artifacts: tf.io.ModelArtifacts,
  userDefinedMetadata?: object,
): Record<string, string | Uint8Array> {
  const json: Record<string, unknown> = {
    format: artifacts.format ?? "layers-model",
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig) json.trainingConfig = artifacts.trainingConfig;
  const meta = userDefinedMetadata ?? artifacts.userDefinedMetadata;
  if (meta) json.userDefinedMetadata = meta;
  if (artifacts.signature) json.signature = artifacts.signature;
  if (artifacts.modelInitializer) json.modelInitializer = artifacts.modelInitializer;
  if (artifacts.initializerSignature) json.initializerSignature = artifacts.initializerSignature;
  const data = artifacts.weightData ?? new ArrayBuffer(0);
  return {
    "model.json": JSON.stringify(json),
    "weights.bin": new Uint8Array(tf.io.CompositeArrayBuffer.join(data)),
  };
}
