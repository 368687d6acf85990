import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { registerFileRouter } from "../../src/keras/saving/fileRouter";
import { backendReady } from "./setup";

before(backendReady);

/** A stand-in for tfjs-node's `file://` router. */
const nodeLike: tf.io.IOHandler = {
  save: async () => ({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } }),
};

test("with another file:// router (as tfjs-node registers), ours steps aside", () => {
  assert.equal(registerFileRouter(), true, "registered on import (no tfjs-node here)");
  const ours = tf.io.getSaveHandlers("file:///tmp/x");
  assert.equal(ours.length, 1);
  assert.notEqual(ours[0], nodeLike);
  tf.io.registerSaveRouter(((url: string) =>
    url.startsWith("file://") ? nodeLike : null) as never);
  tf.io.registerLoadRouter(((url: string) =>
    url.startsWith("file://") ? nodeLike : null) as never);
  assert.deepEqual(
    tf.io.getSaveHandlers("file:///tmp/x"),
    [nodeLike],
    "no 'more than one handler'",
  );
  assert.deepEqual(tf.io.getLoadHandlers("file:///tmp/x/model.json"), [nodeLike]);
  const http = tf.io.getSaveHandlers("http://example.com/m");
  assert.equal(http.length, 1, "other schemes untouched: only tfjs's own http handler");
  assert.equal(http[0].constructor.name, "HTTPRequest");
  // Loaded before us, tfjs-node's router means we do not register at all.
  const state = (globalThis as unknown as Record<symbol, { registered: boolean }>)[
    Symbol.for("tslab-ml.fileRouter")
  ];
  state.registered = false;
  assert.equal(registerFileRouter(), false);
  state.registered = true;
});
