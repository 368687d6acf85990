/**
 * What MinMaxScaler and StandardScaler share (scikit-learn's `TransformerMixin` habits):
 * `fit` learns per-column state, `transform` / `inverseTransform` refuse an unfitted scaler,
 * a table with another number of features or other column names, and give back the same kind
 * of value they received (DataFrame, Series, tensor or number[][]).
 *
 * @example
 * new MinMaxScaler().fitTransform([[1], [3]]); // [[0], [1]]
 */
import type * as tf from "@tensorflow/tfjs";
import type { DataFrame, Series } from "../data/danfo";
import { NotFittedError, ValueError } from "../validation/errors";
import { like, readTable, type Table, type TableLike } from "./table";

/** Base class of the column-wise scalers. */
export abstract class Scaler {
  private fitted?: { nFeaturesIn: number; featureNames?: string[] };

  /** Learns the state of each column from the fit table (NaN already to be ignored). */
  protected abstract learn(t: Table): void;
  /** Maps one value of column `j` (forward or inverse). */
  protected abstract map(v: number, j: number, inverse: boolean): number;

  /** The class name used in messages (`MinMaxScaler`). */
  protected abstract readonly kind: string;

  /** Throws NotFittedError when `fit` has not run yet. */
  protected checkFitted(where: string): { nFeaturesIn: number; featureNames?: string[] } {
    if (!this.fitted)
      throw new NotFittedError(
        `${this.kind}.${where}: this ${this.kind} is not fitted yet; call fit or fitTransform first`,
      );
    return this.fitted;
  }

  /** `console.log(scaler)` prints `MinMaxScaler()` like Python's repr. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Number of columns seen in `fit`. */
  get nFeaturesIn(): number {
    return this.checkFitted("nFeaturesIn").nFeaturesIn;
  }

  /** Column names seen in `fit` when X was a DataFrame, else undefined. */
  get featureNames(): string[] | undefined {
    return this.checkFitted("featureNames").featureNames;
  }

  /** Learns each column's statistics from X (rows = samples, columns = features). */
  fit(X: TableLike): this {
    const t = readTable(`${this.kind}.fit`, X);
    this.learn(t);
    this.fitted = { nFeaturesIn: t.cols, featureNames: t.columns };
    return this;
  }

  /** Scales X with the statistics learned in `fit`. */
  transform(X: DataFrame): DataFrame;
  transform(X: Series): Series;
  transform<T extends tf.Tensor>(X: T): T;
  transform(X: ArrayLike<ArrayLike<number>>): number[][];
  transform(X: TableLike): TableLike {
    return this.apply("transform", X, false) as TableLike;
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: DataFrame): DataFrame;
  fitTransform(X: Series): Series;
  fitTransform<T extends tf.Tensor>(X: T): T;
  fitTransform(X: ArrayLike<ArrayLike<number>>): number[][];
  fitTransform(X: TableLike): TableLike {
    return this.fit(X).apply("transform", X, false) as TableLike;
  }

  /** Undoes `transform`: scaled values back to the original units. */
  inverseTransform(X: DataFrame): DataFrame;
  inverseTransform(X: Series): Series;
  inverseTransform<T extends tf.Tensor>(X: T): T;
  inverseTransform(X: ArrayLike<ArrayLike<number>>): number[][];
  inverseTransform(X: TableLike): TableLike {
    return this.apply("inverseTransform", X, true) as TableLike;
  }

  private apply(method: string, X: unknown, inverse: boolean): unknown {
    const where = `${this.kind}.${method}`;
    const fitted = this.checkFitted(method);
    const t = readTable(where, X);
    if (fitted.featureNames && t.columns && !inverse)
      checkNames(where, fitted.featureNames, t.columns);
    if (t.cols !== fitted.nFeaturesIn)
      throw new ValueError(
        `${where}: X has ${t.cols} feature${t.cols === 1 ? "" : "s"}, but ${this.kind} was ` +
          `fitted with ${fitted.nFeaturesIn} feature${fitted.nFeaturesIn === 1 ? "" : "s"}`,
      );
    const out = new Float64Array(t.data.length);
    for (let i = 0; i < out.length; i++) out[i] = this.map(t.data[i], i % t.cols, inverse);
    return like(t, out);
  }
}

function checkNames(where: string, fit: string[], now: string[]): void {
  const unseen = now.filter((c) => !fit.includes(c));
  const missing = fit.filter((c) => !now.includes(c));
  const list = (a: string[]) => a.map((c) => JSON.stringify(c)).join(", ");
  if (unseen.length || missing.length)
    throw new ValueError(
      `${where}: the column names should match those passed to fit` +
        (unseen.length ? `; unseen at fit time: ${list(unseen)}` : "") +
        (missing.length ? `; seen at fit time, yet now missing: ${list(missing)}` : ""),
    );
  if (fit.some((c, i) => now[i] !== c))
    throw new ValueError(
      `${where}: the columns must be in the same order as in fit ([${list(fit)}]); got [${list(now)}]`,
    );
}
