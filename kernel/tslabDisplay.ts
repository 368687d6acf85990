/**
 * Keeps tslab's own `display` API (`import * as tslab from "tslab";
 * tslab.display.html(…)`) working: tslab sends through the module-level
 * `lastWriteDisplayData` of its jupyter module, which we point at the
 * running cell's publisher.
 */
import * as tslabJupyter from "tslab/dist/jupyter";
import type { Publisher } from "./bridge";

type Writer = (data: object, update: boolean) => void;

/** Route tslab's display calls to whichever publisher `current()` returns. */
export function lastWriteDisplayDataSetter(current: () => Publisher | null): void {
  const writer: Writer = (data, update) =>
    current()?.(update ? "update_display_data" : "display_data", data as Record<string, unknown>);
  (tslabJupyter as unknown as { lastWriteDisplayData: Writer }).lastWriteDisplayData = writer;
}
