/**
 * `KerasModel`: what `Sequential` and `Model` share — `compile`, `fit`, `evaluate`, `predict`,
 * `summary`, weights, saving and disposal, with Keras behaviour.
 *
 * The underlying tfjs model is `model.tfModel` for power users. A model shows its summary when
 * it is a cell's last expression.
 *
 * @example
 * const model = Sequential([Input({ shape: [8] }), Dense(1)]);
 * model.compile({ optimizer: "adam", loss: "mse" });
 * const history = await model.fit(x, y, { epochs: 5, verbose: 0 });
 * history.epoch.length; // 5
 */
import * as tf from "@tensorflow/tfjs";
import type { CallbackModel } from "../callbacks/callback";
import type { History } from "../history";
import { resolveCompile, type CompileOptions, type Compiled } from "./compile";
import type { ModelData } from "./data";
import type { FitOptions } from "./fitOptions";
import { runFit } from "./fit";
import { track, untrack } from "./registry";
import { runEvaluate, runPredict, type InferenceOptions } from "./inference";
import { summaryBundle, summaryText } from "./summary";
import { saveModel, saveModelWeights, loadModelWeights } from "../saving/save";
import { JUPYTER_DISPLAY, type MimeBundle } from "../../display/mime";
import { display, kernelBridge } from "../../display/display";
import "../../display/releaseHook";
import { ValueError } from "../../validation/errors";

export type { InferenceOptions } from "./inference";

type AnyClass = abstract new (...args: never[]) => unknown;

/** tslab-ml's own model classes, with the factory name used in errors (`Sequential`, `Model`). */
const BUILTIN = new Map<unknown, { where: string; name: string }>();

/** Marks `cls` as one of tslab-ml's own model classes (`where`: its factory's name). */
export function builtinModelClass(cls: AnyClass, where: string): void {
  BUILTIN.set(cls, { where, name: cls.name });
}

/**
 * The error for `class M extends keras.Model` (or `keras.Sequential`, `keras.FunctionalModel`,
 * `keras.SequentialModel`): subclassed models are not supported; custom layers and the
 * functional API are.
 */
export function subclassingError(where: string, base: string): ValueError {
  return new ValueError(
    `${where}: subclassing keras.${base} is not supported (tslab-ml has no subclassed models); ` +
      "write a custom layer instead (class MyLayer extends tf.layers.Layer with call() and " +
      "computeOutputShape()) and use it in Sequential([...]) or the functional API " +
      "Model({ inputs, outputs })",
  );
}

/** The subclassing error for `cls`, naming the nearest tslab-ml class it extends. */
function subclassOf(cls: unknown): ValueError {
  for (let c = Object.getPrototypeOf(cls) as unknown; c; c = Object.getPrototypeOf(c)) {
    const known = BUILTIN.get(c);
    if (known) return subclassingError(known.where, known.name);
  }
  return subclassingError("Model", "KerasModel");
}

/**
 * Base of the Keras-style models. Only `SequentialModel` and `FunctionalModel` may extend it:
 * constructing any other subclass throws `subclassingError`.
 */
export abstract class KerasModel implements CallbackModel {
  /** Set by callbacks to end training after the current epoch. */
  stopTraining = false;
  /** The `History` of the latest `fit` (as Keras's `model.history`). */
  history: History | null = null;
  protected compiled_: Compiled | null = null;
  private disposed_ = false;

  /** Throws for subclasses other than tslab-ml's own (subclassed models are not supported). */
  constructor() {
    if (!BUILTIN.has(new.target)) throw subclassOf(new.target);
    track(this);
  }

  /** The tfjs model (built on first use for a Sequential without an input shape). */
  abstract get tfModel(): tf.LayersModel;
  /** The model's name (`sequential`, `functional_1`…). */
  abstract get name(): string;
  /** True for `Sequential` models (their summary has no InputLayer row). */
  abstract get isSequential(): boolean;
  /** True once the model knows its input shape and has weights. */
  abstract get built(): boolean;

  /** Layers waiting for an input shape (a Sequential before its first fit). */
  pendingLayers(): tf.layers.Layer[] {
    return [];
  }

  /** Builds from the shape of `x` when the model has no input shape yet. */
  buildFor(_x: unknown, _where: string): void {}

  /** The layers, in order (without the InputLayer of a Sequential). */
  get layers(): tf.layers.Layer[] {
    const layers = this.tfModel.layers;
    return this.isSequential ? layers.filter((l) => l.getClassName() !== "InputLayer") : layers;
  }

  /** Each input's shape without the batch axis. */
  inputShapes(): (number | null)[][] {
    return this.tfModel.inputs.map((i) => i.shape.slice(1));
  }

  /** Values per sample of the (single) output. */
  outputWidth(): number {
    const shape = this.tfModel.outputs[0].shape;
    return shape[shape.length - 1] ?? 1;
  }

  /** The compile state, or a clear error naming `where`. */
  requireCompiled(where: string): Compiled {
    this.checkAlive(where);
    if (!this.compiled_) {
      throw new ValueError(
        `${where}: the model must be compiled first; call model.compile({ optimizer: "adam", loss: "mse" })`,
      );
    }
    return this.compiled_;
  }

  /** Configures training: optimizer, loss and metrics (see `CompileOptions`). */
  compile(options: CompileOptions): void {
    this.checkAlive("compile");
    const compiled = resolveCompile(options);
    if (this.built && this.tfModel.outputs.length > 1) {
      throw new ValueError(`compile: models with several outputs are not supported yet`);
    }
    if (this.compiled_ && this.compiled_.optimizer !== compiled.optimizer) {
      this.compiled_.optimizer.dispose();
    }
    this.compiled_ = compiled;
  }

  /** The compile options as saved in model.json. */
  get compileConfig(): { optimizer: tf.Optimizer; loss: string; metrics: string[] } | null {
    const c = this.compiled_;
    return c ? { optimizer: c.optimizer, loss: c.loss.name, metrics: c.metricNames } : null;
  }

  /** Trains the model; resolves with a `History` (see `FitOptions`). */
  async fit(x: ModelData, y: ModelData, options: FitOptions = {}): Promise<History> {
    this.history = await runFit(this, x, y, options);
    return this.history;
  }

  /**
   * Loss (regularisation penalties included, as Keras) and metrics on `x`, `y`: a number when the
   * model has no metrics, else a record by Keras name (`{ loss, accuracy }`).
   */
  evaluate(
    x: ModelData,
    y: ModelData,
    options: InferenceOptions = {},
  ): number | Record<string, number> {
    return runEvaluate(this, x, y, options);
  }

  /** Outputs for `x` as a tf.Tensor (`.arraySync()` gives nested arrays; dispose it when done). */
  predict(x: ModelData, options: InferenceOptions = {}): tf.Tensor {
    this.checkAlive("predict");
    return runPredict(this, x, options);
  }

  /** Prints the Keras-style summary (an HTML table in the notebook). Returns nothing. */
  summary(): void {
    this.checkAlive("summary");
    if (kernelBridge()) display(summaryBundle(this), { raw: true });
    else console.log(summaryText(this));
  }

  /** Total number of weights (trainable and not). */
  countParams(): number {
    return this.tfModel.countParams();
  }

  /** The compiled optimizer. */
  get optimizer(): tf.Optimizer {
    return this.requireCompiled("optimizer").optimizer;
  }

  /** Copies of every weight, in `setWeights` order (dispose them when done). */
  getWeights(): tf.Tensor[] {
    return this.tfModel.getWeights().map((w) => w.clone());
  }

  /** Replaces every weight by a copy of `weights`. */
  setWeights(weights: tf.Tensor[]): void {
    this.tfModel.setWeights(weights);
  }

  /**
   * Saves the model atomically: `"x.keras"` writes a Keras 3 file (Python Keras loads it); any
   * other path is a folder (model.json + weights.bin, keeps registered custom layers).
   */
  save(path: string): Promise<void> {
    this.checkAlive("save");
    return saveModel(this, path);
  }

  /**
   * Saves only the weights atomically: `"x.weights.h5"` writes Keras 3's weights file; any other
   * path is a folder (weights.json + weights.bin).
   */
  saveWeights(path: string): Promise<void> {
    this.checkAlive("saveWeights");
    return saveModelWeights(this, path);
  }

  /** Loads weights saved by `saveWeights` (or Keras's `save_weights`); shapes must match. */
  loadWeights(path: string): Promise<void> {
    this.checkAlive("loadWeights");
    return loadModelWeights(this, path);
  }

  /** Frees the weights and optimizer state; the model cannot be used afterwards. */
  dispose(): void {
    if (this.disposed_) return;
    this.disposed_ = true;
    untrack(this);
    this.compiled_?.optimizer.dispose();
    if (this.built) this.tfModel.dispose();
  }

  /** True after `dispose()` or `clearSession()`. */
  get isDisposed(): boolean {
    return this.disposed_;
  }

  protected checkAlive(where: string): void {
    if (this.disposed_) {
      throw new ValueError(
        `${where}: model "${this.name}" was disposed (by dispose() or keras.backend.clearSession()); build it again`,
      );
    }
  }

  /** The summary as the cell's result (HTML table + text). */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.disposed_
      ? { "text/plain": `<disposed model "${this.name}">` }
      : summaryBundle(this);
  }
}
