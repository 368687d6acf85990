import { ValueError } from "../validation/errors";
import { checkOptions } from "../data/options";
import { Scaler } from "./scaler";
import type { Table } from "./table";

/** Options of {@link MinMaxScaler}. */
export interface MinMaxScalerOptions {
  /** The range the training data is mapped onto (default `[0, 1]`). */
  featureRange?: [number, number];
  /** Clip transformed values to `featureRange` (default false: new data may fall outside). */
  clip?: boolean;
}

const TINY = 10 * Number.EPSILON;

/**
 * Scales each column to `featureRange` using the minimum and maximum seen in `fit`, as
 * scikit-learn's `MinMaxScaler`: `x' = (x - dataMin) / dataRange * (max - min) + min`.
 *
 * `fit` learns `dataMin`, `dataMax`, `dataRange`, `scale` and `min` per column (NaN values are
 * ignored, and kept as NaN by `transform`). A constant column gets scale 1, so it maps to
 * `featureRange[0]` instead of dividing by zero. `transform`, `fitTransform` and
 * `inverseTransform` accept a DataFrame (columns and index kept), number[][] or a tf.Tensor
 * and return the same kind. Fit on the training data only, then transform the test data.
 *
 * @param options `featureRange` (default `[0, 1]`), `clip` (default false); any other key (a
 *   Python spelling such as `feature_range`) is an error naming the right one.
 * @example
 * const scaler = new MinMaxScaler();
 * scaler.fitTransform([[1, 10], [2, 20], [3, 30]]); // [[0, 0], [0.5, 0.5], [1, 1]]
 * scaler.inverseTransform([[0.5, 1]]); // [[2, 30]]
 */
export class MinMaxScaler extends Scaler {
  protected readonly kind = "MinMaxScaler";
  /** The target range. */
  readonly featureRange: [number, number];
  /** Whether transformed values are clipped to the range. */
  readonly clip: boolean;
  private state?: {
    dataMin: number[];
    dataMax: number[];
    scale: number[];
    min: number[];
    n: number;
  };

  constructor(options: MinMaxScalerOptions = {}) {
    super();
    checkOptions("MinMaxScaler", options, ["featureRange", "clip"]);
    const range = options.featureRange ?? [0, 1];
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !range.every((v) => typeof v === "number" && Number.isFinite(v)) ||
      !(range[0] < range[1])
    )
      throw new ValueError(
        `MinMaxScaler: featureRange must be [min, max] with min < max; got ${JSON.stringify(range)}`,
      );
    this.featureRange = [range[0], range[1]];
    this.clip = options.clip ?? false;
  }

  protected learn(t: Table): void {
    const dataMin = new Array<number>(t.cols).fill(NaN);
    const dataMax = new Array<number>(t.cols).fill(NaN);
    for (let i = 0; i < t.data.length; i++) {
      const v = t.data[i];
      const j = i % t.cols;
      if (Number.isNaN(v)) continue;
      if (!(v >= dataMin[j])) dataMin[j] = v;
      if (!(v <= dataMax[j])) dataMax[j] = v;
    }
    const [lo, hi] = this.featureRange;
    const scale = dataMin.map((mn, j) => {
      const range = dataMax[j] - mn;
      return (hi - lo) / (range < TINY ? 1 : range);
    });
    const min = dataMin.map((mn, j) => lo - mn * scale[j]);
    this.state = { dataMin, dataMax, scale, min, n: t.rows };
  }

  protected map(v: number, j: number, inverse: boolean): number {
    const s = this.state!;
    if (inverse) return (v - s.min[j]) / s.scale[j];
    const x = v * s.scale[j] + s.min[j];
    if (!this.clip) return x;
    return Math.min(Math.max(x, this.featureRange[0]), this.featureRange[1]);
  }

  private get fittedState() {
    this.checkFitted("state");
    return this.state!;
  }

  /** Per-column minimum seen in `fit`. */
  get dataMin(): number[] {
    return [...this.fittedState.dataMin];
  }
  /** Per-column maximum seen in `fit`. */
  get dataMax(): number[] {
    return [...this.fittedState.dataMax];
  }
  /** Per-column `dataMax - dataMin`. */
  get dataRange(): number[] {
    const s = this.fittedState;
    return s.dataMax.map((mx, j) => mx - s.dataMin[j]);
  }
  /** Per-column factor: `transform(x) = x * scale + min`. */
  get scale(): number[] {
    return [...this.fittedState.scale];
  }
  /** Per-column offset: `transform(x) = x * scale + min`. */
  get min(): number[] {
    return [...this.fittedState.min];
  }
  /** Number of rows seen in `fit`. */
  get nSamplesSeen(): number {
    return this.fittedState.n;
  }

  /** `MinMaxScaler()` or `MinMaxScaler({ featureRange: [-1, 1] })`, like scikit-learn's repr. */
  override toString(): string {
    const opts: string[] = [];
    if (this.featureRange[0] !== 0 || this.featureRange[1] !== 1)
      opts.push(`featureRange: [${this.featureRange.join(", ")}]`);
    if (this.clip) opts.push("clip: true");
    return `MinMaxScaler(${opts.length ? `{ ${opts.join(", ")} }` : ""})`;
  }
}
