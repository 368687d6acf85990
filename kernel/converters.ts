/**
 * tslab's converter set (one TypeScript compiler for Node.js cells, one for `//%browser`
 * cells). Each compiler runs in its own worker thread (converterThread.ts), started on first
 * use; `warm()` starts the Node.js one at kernel start and has it parse tslab-ml's
 * declarations while nobody is waiting.
 */
import type { Converter } from "tslab/dist/converter";
import type { ConverterSet } from "tslab/dist/executor";
import { ConverterThread } from "./converterThread";

/** The cell the Node.js compiler converts ahead of time. */
export const WARM_UP_CELL = 'import * as ml from "tslab-ml";';

/** Lazily created tslab converters, each in a worker thread. */
export class Converters implements ConverterSet {
  private nodeConverter?: ConverterThread;
  private browserConverter?: ConverterThread;

  /** Start the Node.js compiler now, with the tslab-ml import as its warm-up. */
  warm(): void {
    this.nodeConverter ??= new ConverterThread({ warmUp: WARM_UP_CELL });
  }

  get node(): Converter {
    this.nodeConverter ??= new ConverterThread();
    return this.nodeConverter;
  }

  get browser(): Converter {
    this.browserConverter ??= new ConverterThread({ isBrowser: true });
    return this.browserConverter;
  }

  close(): void {
    this.nodeConverter?.close();
    this.browserConverter?.close();
  }
}
