/**
 * `file://` for tfjs itself without tfjs-node: `tfModel.save("file://models/m")` writes the
 * folder `models/m` (model.json + weights.bin, atomically, as `model.save`) and
 * `tf.loadLayersModel("file://models/m/model.json")` (or the folder) reads it back.
 *
 * Behaviour: importing this module registers a save and a load router with `tf.io`, unless a
 * `file://` handler is already registered (tfjs-node registers its own). The routers also step
 * aside when another router answers the same URL, so loading tfjs-node later does not make
 * tfjs fail with "more than one handler". Loading reads every path of the weights manifest
 * relative to model.json's folder and checks unquantised weight sizes.
 *
 * @example
 * await model.tfModel.save("file:///tmp/reg");
 * const again = await tf.loadLayersModel("file:///tmp/reg/model.json");
 */
import fs from "fs";
import path from "path";
import * as tf from "@tensorflow/tfjs";
import { expectedBytes, modelFolderFiles, stripFileScheme, writeFolderAtomically } from "./files";
import { ValueError } from "../../validation/errors";

const FILE_URL = /^file:\/\//i;

/** Shared by every copy of this module in the process (one registration, one guard). */
interface RouterState {
  registered: boolean;
  /** True while our router asks the other routers whether they handle a URL. */
  asking: boolean;
}

const STATE_KEY = Symbol.for("tslab-ml.fileRouter");
const state: RouterState = ((globalThis as unknown as Record<symbol, RouterState>)[STATE_KEY] ??= {
  registered: false,
  asking: false,
});

/** An IOHandler that saves into the folder `dir` (see the module doc). */
export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    save: async (artifacts) => {
      writeFolderAtomically("tfModel.save", dir, modelFolderFiles(artifacts));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/** An IOHandler that loads `file` (a model.json, or a folder holding one). */
export function fileLoadHandler(file: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json =
        fs.existsSync(file) && fs.statSync(file).isDirectory()
          ? path.join(file, "model.json")
          : file;
      if (!fs.existsSync(json)) {
        throw new ValueError(`tf.loadLayersModel: ${json} does not exist (nothing saved there)`);
      }
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(fs.readFileSync(json, "utf8")) as tf.io.ModelJSON;
      } catch (e) {
        throw new ValueError(
          `tf.loadLayersModel: ${json} is not valid JSON (${(e as Error).message})`,
        );
      }
      const dir = path.dirname(json);
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const files = manifest.flatMap((group) => group.paths.map((p) => path.join(dir, p)));
        const missing = files.find((f) => !fs.existsSync(f));
        if (missing) throw new ValueError(`tf.loadLayersModel: ${missing} is missing`);
        const buf = Buffer.concat(files.map((f) => fs.readFileSync(f)));
        const need = expectedBytes(specs);
        if (!specs.some((s) => s.quantization) && buf.length !== need) {
          throw new ValueError(
            `tf.loadLayersModel: the weights of ${json} are ${buf.length} bytes; the manifest expects ${need}`,
          );
        }
        const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
        return [specs, data];
      });
    },
  };
}

/** How many routers other than ours answer `url`. */
function othersAnswer(kind: "save" | "load", url: string, options?: tf.io.LoadOptions): number {
  state.asking = true;
  try {
    return kind === "save"
      ? tf.io.getSaveHandlers(url).length
      : tf.io.getLoadHandlers(url, options).length;
  } finally {
    state.asking = false;
  }
}

const saveRouter = (url: string | string[]): tf.io.IOHandler | null => {
  if (state.asking || typeof url !== "string" || !FILE_URL.test(url)) return null;
  if (othersAnswer("save", url) > 0) return null;
  return fileSaveHandler(stripFileScheme(url));
};

const loadRouter = (
  url: string | string[],
  options?: tf.io.LoadOptions,
): tf.io.IOHandler | null => {
  if (state.asking || typeof url !== "string" || !FILE_URL.test(url)) return null;
  if (othersAnswer("load", url, options) > 0) return null;
  return fileLoadHandler(stripFileScheme(url));
};

/**
 * Registers the `file://` routers once per process, unless `file://` is already handled (by
 * tfjs-node). Returns true when they are registered (now or before).
 */
export function registerFileRouter(): boolean {
  if (state.registered) return true;
  if (othersAnswer("save", "file://tslab-ml-probe") > 0) return false;
  tf.io.registerSaveRouter(saveRouter as unknown as Parameters<typeof tf.io.registerSaveRouter>[0]);
  tf.io.registerLoadRouter(loadRouter as unknown as Parameters<typeof tf.io.registerLoadRouter>[0]);
  state.registered = true;
  return true;
}

registerFileRouter();
