/**
 * `keras.backend.memoryReport()`: what TensorFlow.js holds right now, to find a leak.
 *
 * Behaviour: reads `tf.memory()` (tensors and bytes held by the backend) and counts the models
 * created since the last `clearSession()` that are not disposed yet. Python frees unused
 * models by garbage collection; TensorFlow.js keeps every model's weights until it is
 * disposed. In the tslab-ml kernel, a model or tensor that a re-run cell replaced (and no
 * other name reaches) is freed after the cell; intermediate tensors that were never named, and
 * models kept in closures, stay until `keras.backend.clearSession()` or `dispose()`. Shows as
 * one line in a notebook and in `console.log`.
 *
 * @example
 * keras.backend.memoryReport().toString();
 * // "TensorFlow.js memory: 14 tensors, 1.25 KB (wasm); 1 model since clearSession()"
 */
import * as tf from "@tensorflow/tfjs";
import { JUPYTER_DISPLAY, type MimeBundle } from "../display/mime";
import { trackedCount } from "./engine/registry";
import { readableSize } from "./engine/summary";

/** The numbers of one report. */
export class MemoryReport {
  /** Tensors held by the backend (`tf.memory().numTensors`). */
  readonly numTensors: number;
  /** Bytes held by them (`tf.memory().numBytes`). */
  readonly numBytes: number;
  /** Models created since the last `clearSession()` and not disposed. */
  readonly models: number;
  /** The backend that holds them (`tf.getBackend()`). */
  readonly backend: string;

  constructor() {
    const m = tf.memory();
    this.numTensors = m.numTensors;
    this.numBytes = m.numBytes;
    this.models = trackedCount();
    this.backend = tf.getBackend();
  }

  /** One line, e.g. "TensorFlow.js memory: 14 tensors, 1.25 KB (wasm); 1 model since …". */
  toString(): string {
    const models = `${this.models} model${this.models === 1 ? "" : "s"}`;
    return (
      `TensorFlow.js memory: ${this.numTensors} tensor${this.numTensors === 1 ? "" : "s"}, ` +
      `${readableSize(this.numBytes)} (${this.backend}); ${models} since clearSession()`
    );
  }

  [JUPYTER_DISPLAY](): MimeBundle {
    return { "text/plain": this.toString() };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** The report for this moment (see the module doc). */
export function memoryReport(): MemoryReport {
  return new MemoryReport();
}
