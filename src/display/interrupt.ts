/**
 * Cooperative interrupt between the kernel and long loops such as `fit`.
 *
 * The tslab-ml kernel keeps `globalThis[Symbol.for("tslab-ml.interrupt")] = {requests, active}`.
 * On "Interrupt kernel" it increments `requests`; while `active > 0` it lets the running cell
 * finish instead of abandoning it, because a loop here promised to stop at its next check
 * (e.g. the end of the current batch). Outside the kernel nothing ever requests an interrupt.
 *
 * @example
 * const guard = interruptGuard();
 * try {
 *   for (const batch of batches) {
 *     if (guard.interrupted) break; // stop cleanly between batches
 *     await step(batch);
 *   }
 * } finally {
 *   guard.release();
 * }
 */
const KEY: symbol = Symbol.for("tslab-ml.interrupt");

/** The shared counters: interrupts requested so far, and loops currently checking. */
export interface InterruptState {
  requests: number;
  active: number;
}

/** The process-wide state (created on first use); the kernel uses the same object. */
export function interruptState(): InterruptState {
  const holder = globalThis as unknown as Record<symbol, InterruptState | undefined>;
  let s = holder[KEY];
  if (!s) {
    s = { requests: 0, active: 0 };
    holder[KEY] = s;
  }
  return s;
}

/** A handle on one interruptible piece of work. */
export interface InterruptGuard {
  /** True once the kernel was interrupted after this guard was taken. */
  readonly interrupted: boolean;
  /** Ends the interruptible section; call it in `finally`. Calling twice is harmless. */
  release(): void;
}

/** Marks the start of interruptible work; see the module comment. */
export function interruptGuard(): InterruptGuard {
  const s = interruptState();
  const start = s.requests;
  let released = false;
  s.active++;
  return {
    get interrupted() {
      return s.requests !== start;
    },
    release() {
      if (!released) {
        released = true;
        s.active = Math.max(0, s.active - 1);
      }
    },
  };
}

/** For tests and the kernel: request an interrupt as the kernel does. */
export function requestInterrupt(): void {
  interruptState().requests++;
}
