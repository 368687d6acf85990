/**
 * `CSVLogger(filename, options)`: write each epoch's logs as a row of a CSV file
 * (Keras `keras.callbacks.CSVLogger`).
 *
 * Behaviour, as Keras: the header is `epoch` followed by the log keys sorted (when the first
 * epoch has no `val_*` keys, the `val_` columns are added anyway and hold `NA`); each epoch adds
 * a row with the 0-based epoch and the values written as Python prints floats (`0.5`,
 * `1e-05`), lines ending in `\r\n` as Python's csv module writes them. The file is written at each epoch end, so it can be read while training runs.
 * `append: true` continues an existing file without repeating the header; otherwise the file
 * is replaced when training begins. Folders are created as needed.
 *
 * @example
 * await model.fit(x, y, { epochs: 2, callbacks: [CSVLogger("logs/training.csv")] });
 * fs.readFileSync("logs/training.csv", "utf8").split("\r\n")[0]; // "epoch,loss,val_loss"
 */
import fs from "fs";
import path from "path";
import { Callback, type Logs } from "./callback";
import { pyRepr } from "../format";
import { ValueError, describe } from "../../validation/errors";

/** Options of `CSVLogger`. */
export interface CSVLoggerOptions {
  /** Column separator. Default `","`. */
  separator?: string;
  /** Append to an existing file instead of replacing it. Default false. */
  append?: boolean;
}

/** A CSV field, quoted as Python's csv module does (minimal quoting). */
function field(text: string, sep: string): string {
  if (text.includes(sep) || /["\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * The callback made by `CSVLogger` (see there).
 *
 * @example
 * new CSVLoggerCallback("log.csv").separator; // ","
 */
export class CSVLoggerCallback extends Callback {
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private keys: string[] | null = null;
  private writeHeader = true;

  constructor(filename: string, options: CSVLoggerOptions = {}) {
    super();
    if (typeof filename !== "string" || filename.trim() === "") {
      throw new ValueError(
        `CSVLogger: filename must be a file path such as "training.csv"; got ${describe(filename)}`,
      );
    }
    const sep = options.separator ?? ",";
    if (typeof sep !== "string" || sep.length !== 1) {
      throw new ValueError(
        `CSVLogger: separator must be one character such as "," or ";"; got ${describe(sep)}`,
      );
    }
    this.filename = filename;
    this.separator = sep;
    this.append = options.append ?? false;
  }

  override onTrainBegin(): void {
    this.keys = null;
    try {
      fs.mkdirSync(path.dirname(path.resolve(this.filename)), { recursive: true });
      if (this.append && fs.existsSync(this.filename)) {
        const first = fs.readFileSync(this.filename, "utf8").split("\n")[0];
        this.writeHeader = first.length === 0;
      } else {
        fs.writeFileSync(this.filename, "");
        this.writeHeader = true;
      }
    } catch (e) {
      throw new ValueError(
        `CSVLogger: cannot write ${this.filename} (${(e as Error).message.split("\n")[0]}); choose a writable filename`,
      );
    }
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (this.keys === null) {
      const keys = Object.keys(logs).sort();
      if (keys.length && !keys.some((k) => k.startsWith("val_"))) {
        keys.push(...keys.map((k) => `val_${k}`));
      }
      this.keys = keys;
    }
    const sep = this.separator;
    let text = "";
    if (this.writeHeader) {
      text += ["epoch", ...this.keys].map((k) => field(k, sep)).join(sep) + "\r\n";
      this.writeHeader = false;
    }
    const values = this.keys.map((k) => (typeof logs[k] === "number" ? pyRepr(logs[k]) : "NA"));
    text += [String(epoch), ...values].map((v) => field(v, sep)).join(sep) + "\r\n";
    fs.appendFileSync(this.filename, text);
  }
}

/**
 * Streams epoch results to a CSV file (Keras `CSVLogger`; see the module doc).
 *
 * @example
 * CSVLogger("training.csv", { separator: ";" }).separator; // ";"
 */
export function CSVLogger(filename: string, options: CSVLoggerOptions = {}): CSVLoggerCallback {
  return new CSVLoggerCallback(filename, options);
}
