/**
 * scikit-learn's `UndefinedMetricWarning`, printed with `console.warn` so that it shows under
 * the cell like a Python warning. The metric still returns its documented fallback value.
 *
 * @example
 * warnUndefined("Precision is ill-defined and being set to 0.0 due to no predicted samples.");
 * // stderr: UndefinedMetricWarning: Precision is ill-defined and being set to 0.0 …
 */
export function warnUndefined(message: string): void {
  console.warn(`UndefinedMetricWarning: ${message}`);
}
