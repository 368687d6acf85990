/**
 * `Model({ inputs, outputs })`: a functional model, as `keras.Model(inputs, outputs)`.
 *
 * Behaviour: inputs are `Input(...)` tensors, outputs the result of applying layers
 * (`Dense(1).apply(x)`, `concatenate([a, b])`). Several inputs are fed to `fit` / `predict` as
 * an array of arrays or tensors, in the order of `inputs`. The summary has a "Connected to"
 * column. Named `functional`, `functional_1`… Subclassing `Model` (or `FunctionalModel`) is not
 * supported and throws: write a custom layer (subclass `tf.layers.Layer`) instead.
 *
 * @example
 * const a = Input({ shape: [3] });
 * const b = Input({ shape: [2] });
 * const out = Dense(1).apply(concatenate([a, b])) as tf.SymbolicTensor;
 * Model({ inputs: [a, b], outputs: out }).countParams(); // 6
 */
import * as tf from "@tensorflow/tfjs";
import { uniqueName } from "../naming";
import { KerasModel, builtinModelClass, subclassingError } from "./model";
import { ValueError, describe } from "../../validation/errors";

/** Options of `Model`. */
export interface ModelOptions {
  inputs: tf.SymbolicTensor | tf.SymbolicTensor[];
  outputs: tf.SymbolicTensor | tf.SymbolicTensor[];
  /** Default `functional`, `functional_1`… */
  name?: string;
}

function symbolic(where: string, arg: string, v: unknown): tf.SymbolicTensor[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || list.some((t) => !(t instanceof tf.SymbolicTensor))) {
    throw new ValueError(
      `${where}: ${arg} must be Input(...) tensors or layer outputs such as Dense(1).apply(x); got ${describe(v)}`,
    );
  }
  return list as tf.SymbolicTensor[];
}

/** A model defined by its input and output tensors. */
export class FunctionalModel extends KerasModel {
  private readonly tf_: tf.LayersModel;

  constructor(options: ModelOptions, loaded?: tf.LayersModel) {
    super();
    if (loaded) {
      this.tf_ = loaded;
      return;
    }
    if (options === null || typeof options !== "object") {
      throw new ValueError(`Model: expected { inputs, outputs }; got ${describe(options)}`);
    }
    const inputs = symbolic("Model", "inputs", options.inputs);
    const outputs = symbolic("Model", "outputs", options.outputs);
    if (outputs.length > 1) {
      throw new ValueError(
        `Model: models with several outputs are not supported yet; got ${outputs.length} outputs`,
      );
    }
    this.tf_ = tf.model({ inputs, outputs, name: options.name ?? uniqueName("functional") });
  }

  get tfModel(): tf.LayersModel {
    return this.tf_;
  }

  get name(): string {
    return this.tf_.name;
  }

  get isSequential(): boolean {
    return false;
  }

  get built(): boolean {
    return true;
  }
}

builtinModelClass(FunctionalModel, "Model");

/** The Model factory's type: callable with or without `new`; not subclassable. */
export interface ModelConstructor {
  (options: ModelOptions): FunctionalModel;
  new (options: ModelOptions): FunctionalModel;
  readonly prototype: KerasModel;
}

/** Creates a functional model (see the module doc). */
export const Model = function Model(this: unknown, options: ModelOptions): FunctionalModel {
  if (new.target !== undefined && new.target !== Model) throw subclassingError("Model", "Model");
  return new FunctionalModel(options);
} as unknown as ModelConstructor;
(Model as unknown as { prototype: unknown }).prototype = KerasModel.prototype;
