/**
 * `Sequential(layers)`: a linear stack of layers, as `keras.Sequential`.
 *
 * Behaviour: an `Input({ shape })` first only sets the first layer's input shape (the summary
 * has no InputLayer row, as Keras). Without any input shape the model builds on the first
 * `fit` / `predict` from the shape of x. `.add(layer)` appends. Named `sequential`,
 * `sequential_1`… Custom layers (subclasses of `tf.layers.Layer`) work like built-in ones.
 * Callable with or without `new`. Subclassing `Sequential` (or `SequentialModel`) throws: write a
 * custom layer instead.
 *
 * @example
 * const model = Sequential([Input({ shape: [8] }), Dense(32, { activation: "relu" }), Dense(1)]);
 * model.countParams(); // 321
 */
import * as tf from "@tensorflow/tfjs";
import { adoptTfjsLayerName, uniqueName } from "../naming";
import { KerasModel, builtinModelClass, subclassingError } from "./model";
import { isDanfoDataFrame, isDanfoSeries } from "../../validation/danfoBase";
import { ArgumentTypeError, ValueError, describe } from "../../validation/errors";

/** What a Sequential accepts: layers, and one `Input` first. */
export type SequentialItem = tf.layers.Layer | tf.SymbolicTensor;

/** Options of `Sequential`. */
export interface SequentialOptions {
  /** Default `sequential`, `sequential_1`… */
  name?: string;
}

type LayerWithShape = tf.layers.Layer & { batchInputShape?: (number | null)[] };

function sampleShape(x: unknown): number[] | null {
  if (x instanceof tf.Tensor) return x.rank === 1 ? [1] : x.shape.slice(1);
  if (isDanfoDataFrame(x)) return [x.shape[1]];
  if (isDanfoSeries(x)) return [1];
  const shape: number[] = [];
  let v: unknown = x;
  if (!Array.isArray(v) && !ArrayBuffer.isView(v)) return null;
  v = (v as ArrayLike<unknown>)[0];
  if (typeof v === "number") return [1];
  while (Array.isArray(v) || ArrayBuffer.isView(v)) {
    shape.push((v as ArrayLike<unknown>).length);
    v = (v as ArrayLike<unknown>)[0];
  }
  return shape.length ? shape : null;
}

/** A linear stack of layers (see the module doc). */
export class SequentialModel extends KerasModel {
  private tf_: tf.Sequential | null = null;
  private pending: LayerWithShape[] = [];
  private inputShape: (number | null)[] | null = null;
  private readonly name_: string;

  constructor(
    layers: SequentialItem[] = [],
    options: SequentialOptions = {},
    loaded?: tf.Sequential,
  ) {
    super();
    this.name_ = loaded?.name ?? options.name ?? uniqueName("sequential");
    if (loaded) {
      this.tf_ = loaded;
      return;
    }
    if (!Array.isArray(layers)) {
      throw new ArgumentTypeError(
        `Sequential: layers must be an array such as [Input({ shape: [8] }), Dense(1)]; got ${describe(layers)}`,
      );
    }
    for (const l of layers) this.add(l);
  }

  get name(): string {
    return this.name_;
  }

  get isSequential(): boolean {
    return true;
  }

  get built(): boolean {
    return this.tf_ !== null;
  }

  get tfModel(): tf.Sequential {
    if (!this.tf_) {
      throw new ValueError(
        `${this.name_}: the model has no input shape yet; start it with Input({ shape: [nFeatures] }) or call fit first`,
      );
    }
    return this.tf_;
  }

  override pendingLayers(): tf.layers.Layer[] {
    return [...this.pending];
  }

  /** Appends a layer (or sets the input shape with an `Input` first). */
  add(layer: SequentialItem): void {
    this.checkAlive("Sequential.add");
    if (layer instanceof tf.SymbolicTensor) {
      if (this.tf_ || this.pending.length || this.inputShape) {
        throw new ValueError(`Sequential.add: an Input can only come first`);
      }
      this.inputShape = layer.shape.slice(1);
      return;
    }
    if (!(layer instanceof tf.layers.Layer)) {
      throw new ArgumentTypeError(
        `Sequential.add: expected a layer such as Dense(8) or an Input({ shape }); got ${describe(layer)}`,
      );
    }
    adoptTfjsLayerName(layer);
    if (this.tf_) this.tf_.add(layer);
    else {
      this.pending.push(layer as LayerWithShape);
      if (this.inputShape || this.pending[0].batchInputShape) this.build();
    }
  }

  /** Builds from x's sample shape when no Input was given. */
  override buildFor(x: unknown, where: string): void {
    if (this.tf_) return;
    if (this.pending.length === 0)
      throw new ValueError(`${where}: the Sequential model has no layers; add some first`);
    const shape = sampleShape(x);
    if (!shape)
      throw new ArgumentTypeError(`${where}: cannot read the shape of x (${describe(x)})`);
    this.inputShape = shape;
    this.build();
  }

  private build(): void {
    const first = this.pending[0];
    if (this.inputShape && !first.batchInputShape)
      first.batchInputShape = [null, ...this.inputShape];
    const model = tf.sequential({ name: this.name_ });
    for (const l of this.pending) model.add(l);
    this.tf_ = model;
    this.pending = [];
  }
}

builtinModelClass(SequentialModel, "Sequential");

/** The Sequential factory's type: callable with or without `new`; not subclassable. */
export interface SequentialConstructor {
  (layers?: SequentialItem[], options?: SequentialOptions): SequentialModel;
  new (layers?: SequentialItem[], options?: SequentialOptions): SequentialModel;
  readonly prototype: SequentialModel;
}

/** Creates a Sequential model (see the module doc). */
export const Sequential = function Sequential(
  layers?: SequentialItem[],
  options?: SequentialOptions,
): SequentialModel {
  if (new.target !== undefined && new.target !== Sequential)
    throw subclassingError("Sequential", "Sequential");
  return new SequentialModel(layers, options);
} as unknown as SequentialConstructor;
(Sequential as unknown as { prototype: unknown }).prototype = SequentialModel.prototype;
