/**
 * Python-compatible text formatting: `pythonFormat` (`str.format` with named fields),
 * `formatValue` (`format(value, spec)`) and `pyRepr` (`repr` of a float).
 *
 * @example
 * pythonFormat("{epoch:03d}", { epoch: 7n }); // "007"
 */
export { pythonFormat } from "./pythonFormat";
export { formatValue, pyRepr, type FormatValue } from "./formatValue";
