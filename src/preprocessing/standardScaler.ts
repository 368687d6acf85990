import { ValueError } from "../validation/errors";
import { checkOptions } from "../data/options";
import { Scaler } from "./scaler";
import type { Table } from "./table";

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Subtract each column's mean (default true). */
  withMean?: boolean;
  /** Divide by each column's standard deviation (default true). */
  withStd?: boolean;
}

interface State {
  mean: number[] | null;
  var: number[] | null;
  scale: number[] | null;
  n: number[];
}

/** Mean and (population) variance of each column ignoring NaN, as scikit-learn computes them. */
function columnStats(t: Table): { mean: number[]; variance: number[]; n: number[] } {
  const sum = new Array<number>(t.cols).fill(0);
  const n = new Array<number>(t.cols).fill(0);
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    if (Number.isNaN(v)) continue;
    sum[i % t.cols] += v;
    n[i % t.cols]++;
  }
  const mean = sum.map((s, j) => s / n[j]);
  const correction = new Array<number>(t.cols).fill(0);
  const squares = new Array<number>(t.cols).fill(0);
  for (let i = 0; i < t.data.length; i++) {
    const d = t.data[i] - mean[i % t.cols];
    if (Number.isNaN(d)) continue;
    correction[i % t.cols] += d;
    squares[i % t.cols] += d * d;
  }
  const variance = squares.map((s, j) => (s - correction[j] ** 2 / n[j]) / n[j]);
  return { mean, variance, n };
}

/**
 * Standardises each column to mean 0 and standard deviation 1 with the statistics seen in
 * `fit`, as scikit-learn's `StandardScaler`: `x' = (x - mean) / scale`, where `scale` is the
 * population standard deviation (ddof 0).
 *
 * `fit` learns `mean`, `var` and `scale` per column (NaN values are ignored, and kept as NaN by
 * `transform`); with `withMean: false` nothing is subtracted, with `withStd: false` nothing is
 * divided (`var` and `scale` are then null, and `mean` is null when both are off). A constant
 * column gets scale 1. Accepts a DataFrame (columns and index kept), number[][] or a tf.Tensor
 * and returns the same kind.
 *
 * @param options `withMean` (default true), `withStd` (default true); any other key (a Python
 *   spelling such as `with_mean`) is an error naming the right one.
 * @example
 * const scaler = new StandardScaler();
 * scaler.fitTransform([[0], [0], [1], [1]]); // [[-1], [-1], [1], [1]]
 * scaler.mean; // [0.5]
 */
export class StandardScaler extends Scaler {
  protected readonly kind = "StandardScaler";
  /** Whether the mean is subtracted. */
  readonly withMean: boolean;
  /** Whether values are divided by the standard deviation. */
  readonly withStd: boolean;
  private state?: State;

  constructor(options: StandardScalerOptions = {}) {
    super();
    checkOptions("StandardScaler", options, ["withMean", "withStd"]);
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
    for (const [k, v] of [
      ["withMean", this.withMean],
      ["withStd", this.withStd],
    ] as const)
      if (typeof v !== "boolean")
        throw new ValueError(`StandardScaler: ${k} must be true or false; got ${String(v)}`);
  }

  protected learn(t: Table): void {
    const { mean, variance, n } = columnStats(t);
    let scale: number[] | null = null;
    if (this.withStd) {
      scale = variance.map((v, j) => {
        const eps = Number.EPSILON;
        const constant = v <= n[j] * eps * v + (n[j] * mean[j] * eps) ** 2;
        return constant ? 1 : Math.sqrt(v);
      });
    }
    this.state = {
      mean: this.withMean || this.withStd ? mean : null,
      var: this.withStd ? variance : null,
      scale,
      n,
    };
  }

  protected map(v: number, j: number, inverse: boolean): number {
    const s = this.state!;
    const m = this.withMean ? s.mean![j] : 0;
    const sc = s.scale ? s.scale[j] : 1;
    return inverse ? v * sc + m : (v - m) / sc;
  }

  private get fittedState(): State {
    this.checkFitted("state");
    return this.state!;
  }

  /** Per-column mean seen in `fit` (null when withMean and withStd are both false). */
  get mean(): number[] | null {
    return this.fittedState.mean && [...this.fittedState.mean];
  }
  /** Per-column population variance (null when withStd is false). */
  get var(): number[] | null {
    return this.fittedState.var && [...this.fittedState.var];
  }
  /** Per-column divisor: the standard deviation, 1 for constant columns (null without withStd). */
  get scale(): number[] | null {
    return this.fittedState.scale && [...this.fittedState.scale];
  }
  /** Rows used per column: a number, or one count per column when NaN made them differ. */
  get nSamplesSeen(): number | number[] {
    const n = this.fittedState.n;
    return n.every((v) => v === n[0]) ? n[0] : [...n];
  }

  /** `StandardScaler()` or `StandardScaler({ withMean: false })`, like scikit-learn's repr. */
  override toString(): string {
    const opts: string[] = [];
    if (!this.withMean) opts.push("withMean: false");
    if (!this.withStd) opts.push("withStd: false");
    return `StandardScaler(${opts.length ? `{ ${opts.join(", ")} }` : ""})`;
  }
}
