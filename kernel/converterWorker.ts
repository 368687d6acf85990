/**
 * The worker side of converterThread.ts: one tslab converter, answering calls in order.
 *
 * Behaviour: installs the kernel's module hook (so `tslab-ml` resolves from any folder) and the
 * light program (lightBuilder.ts), creates the converter, converts the warm-up cell if no
 * request has arrived yet, then answers each `{op, args}` with `{ok, value}` or
 * `{ok: false, message, stack}` and wakes the caller. A failure to start becomes the answer to
 * every request. If the
 * thread dies anyway, the `stopped` slot tells the caller. Every cell rebuilds the compiler's
 * program, and an idle thread never collects its garbage by itself, so once the thread has been
 * idle for IDLE_MS and its heap grew by more than GROWTH_BYTES since the last collection, it
 * runs a full garbage collection (in this thread, off the kernel's).
 */
import v8 from "v8";
import { workerData, type MessagePort } from "worker_threads";
import { collectGarbage } from "../src/keras/collectGarbage";
import type { createConverter as CreateConverter } from "tslab/dist/converter";
import { installLightBuilder } from "./lightBuilder";
import { tslabTypeScript } from "./paths";
import { installModuleHook } from "./moduleHook";
import { SLOT, type ConverterThreadOptions, type WorkerReply } from "./converterThread";

const { options, port, shared } = workerData as {
  options: ConverterThreadOptions;
  port: MessagePort;
  shared: Int32Array;
};

process.on("exit", () => {
  Atomics.store(shared, SLOT.stopped, 1);
  Atomics.notify(shared, SLOT.answered);
});

/** Create the converter; a failure is kept and becomes the answer to every request. */
function start(): { ops: Record<string, (...args: unknown[]) => unknown> } | { failure: Error } {
  try {
    installModuleHook();
    installLightBuilder(tslabTypeScript());
    // Required only now, so that it gets the TypeScript of installLightBuilder.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createConverter } = require("tslab/dist/converter") as {
      createConverter: typeof CreateConverter;
    };
    const converter = createConverter({ isJS: false, isBrowser: options.isBrowser ?? false });
    if (options.warmUp && Atomics.load(shared, SLOT.posted) === 0) {
      try {
        converter.convert("", options.warmUp);
        Atomics.store(shared, SLOT.warmedUp, 1);
      } catch {
        // only a warm-up: the real cell reports its own errors
      }
    }
    return { ops: converter as unknown as Record<string, (...args: unknown[]) => unknown> };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    err.message = `The kernel's TypeScript compiler could not start: ${err.message}`;
    return { failure: err };
  }
}

const started = start();

/** Idle time before the thread collects its garbage. */
export const IDLE_MS = 300;
/** Heap growth since the last collection that makes an idle collection worth it. */
export const GROWTH_BYTES = 32 * 2 ** 20;
const heapUsed = () => v8.getHeapStatistics().used_heap_size;
let heapAfterCollection = heapUsed();
let idleTimer: NodeJS.Timeout | undefined;

function collectWhenIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (heapUsed() - heapAfterCollection > GROWTH_BYTES && collectGarbage()) {
      heapAfterCollection = heapUsed();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

port.on("message", ({ op, args }: { op: string; args: unknown[] }) => {
  let reply: WorkerReply;
  try {
    if (!["convert", "inspect", "complete", "addModule"].includes(op)) {
      throw new Error(`converterWorker: unknown operation ${JSON.stringify(op)}`);
    }
    if ("failure" in started) throw started.failure;
    reply = { ok: true, value: started.ops[op](...args) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { ok: false, message: err.message, stack: err.stack };
  }
  try {
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({
      ok: false,
      message: `converterWorker: cannot send the result of ${op}: ${(e as Error).message}`,
    });
  }
  Atomics.store(shared, SLOT.answered, 1);
  Atomics.notify(shared, SLOT.answered);
  collectWhenIdle();
});
