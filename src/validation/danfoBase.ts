/**
 * danfojs has two layers of classes: the exported `danfo.DataFrame` / `danfo.Series` extend
 * base classes, and most operations (`df.head()`, `df["col"]`, `df.loc(...)`) return instances
 * of the base classes, which are not `instanceof` the exported ones. These helpers recognise
 * both and turn a base instance into an exported one.
 *
 * @example
 * const df = new danfo.DataFrame({ a: [1, 2] });
 * df["a"] instanceof danfo.Series; // false
 * isDanfoSeries(df["a"]); // true
 * asExportedDanfo(df["a"]) instanceof danfo.Series; // true
 */
import { DataFrame, Series, danfo, danfoLoaded } from "../data/danfo";

/** The base class of the exported danfo Series (where `df["col"]` comes from). */
export function baseSeries(): typeof danfo.Series {
  return Object.getPrototypeOf(danfo.Series.prototype).constructor as typeof danfo.Series;
}
/** The base class of the exported danfo DataFrame (where `df.head()` comes from). */
export function baseDataFrame(): typeof danfo.DataFrame {
  return Object.getPrototypeOf(danfo.DataFrame.prototype).constructor as typeof danfo.DataFrame;
}

/** Is `value` a danfo Series of either layer? (False, without loading danfojs, before it is.) */
export function isDanfoSeries(value: unknown): value is Series {
  if (!danfoLoaded()) return false;
  return value instanceof baseSeries() || value instanceof danfo.Series;
}

/** Is `value` a danfo DataFrame of either layer? (False, without loading danfojs, before it is.) */
export function isDanfoDataFrame(value: unknown): value is DataFrame {
  if (!danfoLoaded()) return false;
  return value instanceof baseDataFrame() || value instanceof danfo.DataFrame;
}

/** `value` itself, except that a base-layer Series / DataFrame becomes an exported one. */
export function asExportedDanfo(value: unknown): unknown {
  if (!danfoLoaded()) return value;
  const [BaseSeries, BaseDataFrame] = [baseSeries(), baseDataFrame()];
  if (value instanceof danfo.Series || value instanceof danfo.DataFrame) return value;
  if (value instanceof BaseSeries) {
    const s = value as Series;
    return new danfo.Series(s.values as number[], {
      columns: s.columns as string[],
      index: s.index as never,
    });
  }
  if (value instanceof BaseDataFrame) {
    const d = value as DataFrame;
    return new danfo.DataFrame(d.values as never, {
      columns: d.columns as string[],
      index: d.index as never,
    });
  }
  return value;
}
