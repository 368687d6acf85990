/**
 * tslab's converter set (one TypeScript compiler for Node.js cells, one for
 * `//%browser` cells), created lazily as tslab's own launcher does.
 */
import { createConverter, type Converter } from "tslab/dist/converter";
import type { ConverterSet } from "tslab/dist/executor";

/** Lazily created tslab converters. */
export class Converters implements ConverterSet {
  private nodeConverter?: Converter;
  private browserConverter?: Converter;

  get node(): Converter {
    this.nodeConverter ??= createConverter({ isJS: false, isBrowser: false });
    return this.nodeConverter;
  }

  get browser(): Converter {
    this.browserConverter ??= createConverter({ isJS: false, isBrowser: true });
    return this.browserConverter;
  }

  close(): void {
    this.nodeConverter?.close();
    this.browserConverter?.close();
  }
}
