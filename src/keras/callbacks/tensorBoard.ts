/**
 * `TensorBoard(options)`: write the epoch logs as TensorBoard scalars
 * (Keras `keras.callbacks.TensorBoard`, scalars only).
 *
 * Behaviour: needs the native backend package `@tensorflow/tfjs-node`, whose summary writers
 * produce the event files; without it the constructor throws a ValueError saying how to install
 * it and suggesting `CSVLogger`. At each epoch end, training values go to `{logDir}/train` and
 * `val_*` values to `{logDir}/validation`, tagged `epoch_loss`, `epoch_accuracy`… with the
 * 0-based epoch as step, as Keras writes them; `tensorboard --logdir logs` shows both runs.
 *
 * @example
 * // needs: npm install @tensorflow/tfjs-node
 * await model.fit(x, y, { epochs: 10, validationSplit: 0.2, callbacks: [TensorBoard({ logDir: "logs" })] });
 */
import path from "path";
import { Callback, type Logs } from "./callback";
import {
  errorMessage,
  isModuleNotFound,
  requireModule,
  type ModuleLoader,
} from "../../backend/load";
import { ValueError, describe } from "../../validation/errors";

/** Options of `TensorBoard`. */
export interface TensorBoardOptions {
  /** Folder of the event files (`train/` and `validation/` inside). Default `"logs"`. */
  logDir?: string;
}

/** The part of tfjs-node's `SummaryFileWriter` used here. */
interface SummaryWriter {
  scalar(name: string, value: number, step: number): void;
  flush(): void;
}

interface NodeModule {
  node?: { summaryFileWriter?: (logdir: string) => SummaryWriter };
}

type Writers = { train: SummaryWriter; validation: SummaryWriter };

const PACKAGE = "@tensorflow/tfjs-node";

/**
 * The callback made by `TensorBoard` (see there).
 *
 * @example
 * new TensorBoardCallback({ logDir: "runs" }).logDir; // "runs" (with tfjs-node installed)
 */
export class TensorBoardCallback extends Callback {
  readonly logDir: string;
  private readonly createWriter: (logdir: string) => SummaryWriter;
  private writers: Writers | null = null;

  /** `load` loads `@tensorflow/tfjs-node` (Node's require by default). */
  constructor(options: TensorBoardOptions = {}, load: ModuleLoader = requireModule) {
    super();
    const logDir = options.logDir ?? "logs";
    if (typeof logDir !== "string" || logDir.trim() === "") {
      throw new ValueError(
        `TensorBoard: logDir must be a folder path such as "logs"; got ${describe(logDir)}`,
      );
    }
    this.logDir = logDir;
    let mod: NodeModule;
    try {
      mod = load(PACKAGE) as NodeModule;
    } catch (e) {
      const why = isModuleNotFound(e, PACKAGE)
        ? "is not installed"
        : `failed to load (${errorMessage(e)})`;
      throw new ValueError(
        `TensorBoard: needs the native backend ${PACKAGE}, which ${why}; install it with ` +
          `\`npm install ${PACKAGE}\`, or log the epochs with CSVLogger("training.csv") instead`,
      );
    }
    const create = mod.node?.summaryFileWriter;
    if (typeof create !== "function") {
      throw new ValueError(
        `TensorBoard: ${PACKAGE} has no node.summaryFileWriter; reinstall ${PACKAGE}`,
      );
    }
    this.createWriter = (dir) => create(dir);
  }

  override onTrainBegin(): void {
    this.writers ??= {
      train: this.createWriter(path.join(this.logDir, "train")),
      validation: this.createWriter(path.join(this.logDir, "validation")),
    };
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (!this.writers) this.onTrainBegin();
    const { train, validation } = this.writers as Writers;
    for (const [key, value] of Object.entries(logs)) {
      if (typeof value !== "number") continue;
      if (key.startsWith("val_")) validation.scalar(`epoch_${key.slice(4)}`, value, epoch);
      else train.scalar(`epoch_${key}`, value, epoch);
    }
    train.flush();
    validation.flush();
  }
}

/**
 * Writes epoch scalars for TensorBoard through tfjs-node (Keras `TensorBoard`; see the module
 * doc).
 *
 * @example
 * try { TensorBoard(); } catch (e) { (e as Error).message.includes("npm install"); } // true without tfjs-node
 */
export function TensorBoard(options: TensorBoardOptions = {}): TensorBoardCallback {
  return new TensorBoardCallback(options);
}
