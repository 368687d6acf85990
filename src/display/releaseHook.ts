/**
 * The kernel's hook for re-run cells: `globalThis[Symbol.for("tslab-ml.releaseReplaced")]`.
 *
 * Behaviour: after each cell, the tslab-ml kernel passes the values that notebook names stopped
 * holding and the values they hold now; models and tensors only the old values reached are
 * freed (see `keras/engine/releaseReplaced`), so re-running a model cell ten times holds one
 * model, not ten. Installed when the Keras engine loads.
 *
 * @example
 * globalThis[Symbol.for("tslab-ml.releaseReplaced")]([oldModel], [newModel]);
 */
import { releaseReplaced } from "../keras/engine/releaseReplaced";

(globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tslab-ml.releaseReplaced")] =
  releaseReplaced;
