/**
 * `ProgbarLogger({ verbose })`: the Keras progress view that `fit` shows for `verbose` 1 and 2.
 *
 * Behaviour, as Keras 3: each epoch begins with `Epoch 3/20` (when there is more than one
 * epoch). verbose 1: one line `150/150 ━━━━━━━━━━━━━━━━━━━━ 1s 7ms/step - loss: … - val_loss: …`
 * per epoch. In a notebook the whole run is ONE output updated in place (display update, at
 * most 10 times a second): the finished epochs' lines, the messages of the training callbacks
 * in their place (`Epoch 12: early stopping`, see `trainingLog`) and the running epoch's bar,
 * coloured by progress. In a plain terminal the header and the final line of each epoch are
 * printed, nothing per batch. verbose 2: one line per epoch,
 * `150/150 - 1s - 7ms/step - loss: …`. The time per step leaves out the first step (which
 * includes warm-up), as Keras does. Line format: see `progressLine`.
 *
 * @example
 * await model.fit(x, y, { epochs: 3, verbose: 0, callbacks: [ProgbarLogger({ verbose: 2 })] });
 * // Epoch 1/3
 * // 4/4 - 0s - 3ms/step - loss: 0.6931
 */
import { performance } from "perf_hooks";
import { Callback, type Logs, type TrainingParams } from "./callback";
import { progressLine } from "./progressLine";
import { setTrainingLogSink } from "./trainingLog";
import { display, kernelBridge, newDisplayId } from "../../display/display";
import { ValueError, describe } from "../../validation/errors";

/** Options of `ProgbarLogger`. */
export interface ProgbarLoggerOptions {
  /** 1 progress bar, 2 one line per epoch. Default 1. */
  verbose?: 1 | 2;
}

/** Smallest interval between two in-place updates, in seconds. */
const INTERVAL = 0.1;

/**
 * The callback made by `ProgbarLogger` (see there).
 *
 * @example
 * new ProgbarLoggerCallback({ verbose: 2 }).verbose; // 2
 */
export class ProgbarLoggerCallback extends Callback {
  readonly verbose: 1 | 2;
  private readonly now: () => number;
  private epochs = 1;
  private start = 0;
  private afterFirstStep: number | null = null;
  private lastUpdate = -Infinity;
  private seen = 0;
  private displayId: string | null = null;
  private inView = false;
  private lines: string[] = [];
  private current: string | null = null;

  /** `clock` returns seconds (a monotonic clock by default). */
  constructor(
    options: ProgbarLoggerOptions = {},
    clock: () => number = () => performance.now() / 1000,
  ) {
    super();
    const verbose = options.verbose ?? 1;
    if (verbose !== 1 && verbose !== 2) {
      throw new ValueError(`ProgbarLogger: verbose must be 1 or 2; got ${describe(verbose)}`);
    }
    this.verbose = verbose;
    this.now = clock;
  }

  override setParams(params: TrainingParams): void {
    super.setParams(params);
    this.epochs = params.epochs;
  }

  override onTrainBegin(): void {
    this.lines = [];
    this.current = null;
    this.displayId = null;
    this.inView = this.verbose === 1 && kernelBridge() !== null;
    if (this.inView) setTrainingLogSink((line) => this.add(line));
  }

  override onEpochBegin(epoch: number): void {
    this.start = this.now();
    this.afterFirstStep = null;
    this.lastUpdate = -Infinity;
    this.seen = 0;
    if (this.epochs > 1) this.add(`Epoch ${epoch + 1}/${this.epochs}`, false);
  }

  override onBatchEnd(batch: number, logs: Logs = {}): void {
    this.seen = batch + 1;
    const now = this.now();
    const perStep = this.stepTime(this.seen, now);
    if (!this.inView || now - this.lastUpdate < INTERVAL) return;
    this.lastUpdate = now;
    this.current = this.line(this.seen, now, perStep, logs, true);
    this.show();
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    const target = this.target();
    const now = this.now();
    this.current = null;
    this.add(this.line(target, now, this.stepTime(target, now), logs, false));
  }

  override onTrainEnd(): void {
    if (this.inView) setTrainingLogSink(null);
    this.inView = false;
  }

  /** One finished line: into the view (shown now unless `show` is false) or printed. */
  private add(line: string, show = true): void {
    if (!this.inView) {
      console.log(line);
      return;
    }
    this.lines.push(line);
    if (show) this.show();
  }

  private target(): number {
    return this.params?.steps ?? Math.max(1, this.seen);
  }

  /** Seconds per step, leaving out the first step once there are more (Keras's estimate). */
  private stepTime(current: number, now: number): number {
    if (current <= 0) return 0;
    const perStep =
      this.afterFirstStep !== null && current > 1
        ? (now - this.afterFirstStep) / (current - 1)
        : (now - this.start) / current;
    if (current === 1 && this.afterFirstStep === null) this.afterFirstStep = now;
    return perStep;
  }

  private line(current: number, now: number, perStep: number, logs: Logs, ansi: boolean): string {
    return progressLine({
      current,
      target: this.target(),
      elapsed: now - this.start,
      perStep,
      logs,
      verbose: this.verbose,
      ansi,
    });
  }

  /** Shows the view: finished lines, then the running epoch's bar; one output per run. */
  private show(): void {
    const text = (this.current === null ? this.lines : [...this.lines, this.current]).join("\n");
    const bundle = { "text/plain": text };
    if (this.displayId === null) {
      this.displayId = newDisplayId();
      display(bundle, { id: this.displayId, raw: true });
    } else {
      display(bundle, { id: this.displayId, update: true, raw: true });
    }
  }
}

/**
 * The Keras progress bar (`fit` adds one for `verbose` 1 and 2; see the module doc).
 *
 * @example
 * ProgbarLogger({ verbose: 2 }).verbose; // 2
 */
export function ProgbarLogger(options: ProgbarLoggerOptions = {}): ProgbarLoggerCallback {
  return new ProgbarLoggerCallback(options);
}
