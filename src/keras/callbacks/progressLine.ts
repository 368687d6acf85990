/**
 * The text of Keras 3's progress bar, as a pure function (the `ProgbarLogger` callback prints
 * it).
 *
 * Behaviour, as Keras 3's `Progbar`: verbose 1 gives
 * `150/150 ━━━━━━━━━━━━━━━━━━━━ 1s 7ms/step - accuracy: 0.9712 - loss: 0.1234` (step count
 * padded to the width of the total, a 20-character bar, elapsed seconds at the end of an epoch
 * or the remaining time (`0s`, `1:05`, `1:02:03`) before it, time per step in s, ms or us);
 * verbose 2 gives `150/150 - 1s - 7ms/step - loss: 0.1234`. Values show with 4 decimals, or
 * as `1.2346e-04` when their magnitude is at most 0.001; keys are sorted; `batch` and `size`
 * are left out. With `ansi: true` the bar is coloured as Keras colours it (the done part green,
 * the rest dim), which shows the progress inside the bar; without it the bar is plain text.
 *
 * @example
 * progressLine({ current: 150, target: 150, elapsed: 1.2, perStep: 0.007, logs: { loss: 0.12345 } });
 * // "150/150 ━━━━━━━━━━━━━━━━━━━━ 1s 7ms/step - loss: 0.1235"
 */
import type { Logs } from "./callback";
import { formatValue } from "../format";

/** What one progress line shows. */
export interface ProgressState {
  /** Steps done (1-based). */
  current: number;
  /** Steps per epoch. */
  target: number;
  /** Seconds since the epoch began. */
  elapsed: number;
  /** Seconds per step. */
  perStep: number;
  /** Values to show. */
  logs: Logs;
  /** 1 (bar) or 2 (one line per epoch). Default 1. */
  verbose?: 1 | 2;
  /** Colour the bar with ANSI escapes. Default false. */
  ansi?: boolean;
}

const WIDTH = 20;
const HIDDEN = new Set(["batch", "size"]);

/**
 * `7ms/step`, `2s/step`, `350us/step` (Keras's rounding).
 *
 * @example
 * formatStepTime(0.0072); // "7ms/step"
 */
export function formatStepTime(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${formatValue(seconds, ".0f")}s/step`;
  if (seconds >= 1e-3) return `${formatValue(seconds * 1e3, ".0f")}ms/step`;
  return `${formatValue(seconds * 1e6, ".0f")}us/step`;
}

/**
 * Remaining time as Keras shows it: `12s`, `3:07`, `1:02:03`.
 *
 * @example
 * formatEta(187); // "3:07"
 */
export function formatEta(seconds: number): string {
  const s = Math.max(0, seconds);
  const two = (n: number) => String(Math.floor(n)).padStart(2, "0");
  if (s > 3600) return `${Math.floor(s / 3600)}:${two((s % 3600) / 60)}:${two(s % 60)}`;
  if (s > 60) return `${Math.floor(s / 60)}:${two(s % 60)}`;
  return `${Math.floor(s)}s`;
}

/**
 * ` - loss: 0.1234 - val_loss: 0.1456` for the shown keys, sorted.
 *
 * @example
 * formatLogValues({ val_loss: 0.5, loss: 0.25 }); // " - loss: 0.2500 - val_loss: 0.5000"
 */
export function formatLogValues(logs: Logs): string {
  let out = "";
  for (const key of Object.keys(logs).sort()) {
    const v = logs[key];
    if (HIDDEN.has(key) || typeof v !== "number") continue;
    out += ` - ${key}: ${formatValue(v, Math.abs(v) > 1e-3 ? ".4f" : ".4e")}`;
  }
  return out;
}

/**
 * One progress line (see the module doc).
 *
 * @example
 * progressLine({ current: 2, target: 2, elapsed: 0.4, perStep: 0.2, logs: {}, verbose: 2 }); // "2/2 - 0s - 200ms/step"
 */
export function progressLine(state: ProgressState): string {
  const { current, target, elapsed, perStep, logs } = state;
  const count = `${String(current).padStart(String(target).length, " ")}/${target}`;
  const seconds = `${formatValue(elapsed, ".0f")}s`;
  if (state.verbose === 2) {
    return `${count} - ${seconds} - ${formatStepTime(perStep)}${formatLogValues(logs)}`;
  }
  const done = Math.max(0, Math.min(WIDTH, Math.floor((WIDTH * current) / Math.max(1, target))));
  const bar = state.ansi
    ? `\x1b[1m${count}\x1b[0m ${done ? `\x1b[32m${"━".repeat(done)}\x1b[0m` : ""}\x1b[37m${"━".repeat(WIDTH - done)}\x1b[0m`
    : `${count} ${"━".repeat(WIDTH)}`;
  const time = current >= target ? seconds : formatEta(perStep * (target - current));
  return `${bar} ${time} ${formatStepTime(perStep)}${formatLogValues(logs)}`;
}
