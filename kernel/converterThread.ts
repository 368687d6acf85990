/**
 * A tslab converter that lives in a worker thread and is called synchronously.
 *
 * Behaviour: creating tslab's TypeScript compiler takes about a second, and the first
 * `import * as ml from "tslab-ml"` parses another second of declarations. Both run in a
 * worker (converterWorker.ts), so the kernel answers Jupyter at once and loads TensorFlow.js
 * in the meantime, on the machine's other core. tslab's executor calls the converter
 * synchronously, so each call posts a message and blocks on an `Atomics.wait` until the
 * worker answers (`receiveMessageOnPort`); calls made before the compiler exists wait for it.
 * Errors thrown in the worker are thrown again here; if the worker stops, every call throws an
 * error that says to restart the kernel. The worker is `unref`ed: it never keeps the process
 * alive.
 *
 * Options: `isBrowser` (default false) as tslab's `createConverter`; `warmUp` (default none):
 * a cell the worker converts, result discarded, right after creating the compiler, but only if
 * no request has arrived by then (so the first real `import` finds its files parsed).
 *
 * @example
 * const node = new ConverterThread({ warmUp: 'import * as ml from "tslab-ml";' });
 * node.convert("", "1 + 1").output; // "1 + 1;\n" (after the compiler is ready)
 */
import path from "path";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "worker_threads";
import type { Converter } from "tslab/dist/converter";

/** What the worker gets at start. */
export interface ConverterThreadOptions {
  isBrowser?: boolean;
  warmUp?: string;
}

/** Slots of the shared Int32Array: answered (0 → 1), requests posted, worker stopped, warm-up done. */
export const SLOT = { answered: 0, posted: 1, stopped: 2, warmedUp: 3 } as const;

/** A reply from the worker. */
export type WorkerReply =
  { ok: true; value: unknown } | { ok: false; message: string; stack?: string };

const STOPPED =
  "The TypeScript compiler of this kernel has stopped (its thread ended). Restart the kernel " +
  "(Kernel → Restart) to go on.";

/** The main-thread side of a converter in a worker; see the module doc. */
export class ConverterThread implements Converter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(4 * 4));

  constructor(options: ConverterThreadOptions = {}) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(path.join(__dirname, "converterWorker.js"), {
      workerData: { options, port: port2, shared: this.shared },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
    this.worker.on("error", () => Atomics.store(this.shared, SLOT.stopped, 1));
    this.worker.on("exit", () => Atomics.store(this.shared, SLOT.stopped, 1));
  }

  convert(prevDecl: string, src: string): ReturnType<Converter["convert"]> {
    return this.call("convert", [prevDecl, src]) as ReturnType<Converter["convert"]>;
  }

  inspect(prevDecl: string, src: string, position: number): ReturnType<Converter["inspect"]> {
    return this.call("inspect", [prevDecl, src, position]) as ReturnType<Converter["inspect"]>;
  }

  complete(prevDecl: string, src: string, position: number): ReturnType<Converter["complete"]> {
    return this.call("complete", [prevDecl, src, position]) as ReturnType<Converter["complete"]>;
  }

  addModule(...args: Parameters<Converter["addModule"]>): ReturnType<Converter["addModule"]> {
    return this.call("addModule", args) as ReturnType<Converter["addModule"]>;
  }

  /** Whether the worker has converted its warm-up cell (it skips it once a request came first). */
  get warmedUp(): boolean {
    return Atomics.load(this.shared, SLOT.warmedUp) === 1;
  }

  /** Stop the worker (its file watchers go with it). */
  close(): void {
    if (Atomics.load(this.shared, SLOT.stopped) === 1) return;
    Atomics.store(this.shared, SLOT.stopped, 1);
    void this.worker.terminate();
  }

  private call(op: string, args: unknown[]): unknown {
    if (Atomics.load(this.shared, SLOT.stopped) === 1) throw new Error(STOPPED);
    Atomics.store(this.shared, SLOT.answered, 0);
    Atomics.add(this.shared, SLOT.posted, 1);
    this.port.postMessage({ op, args });
    for (;;) {
      Atomics.wait(this.shared, SLOT.answered, 0, 200);
      const got = receiveMessageOnPort(this.port);
      if (got) return unpack(got.message as WorkerReply);
      if (Atomics.load(this.shared, SLOT.stopped) === 1) throw new Error(STOPPED);
    }
  }
}

function unpack(reply: WorkerReply): unknown {
  if (reply.ok) return reply.value;
  const e = new Error(reply.message);
  if (reply.stack) e.stack = reply.stack;
  throw e;
}
