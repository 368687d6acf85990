/**
 * The kernel's half of the cooperative interrupt (the package's half is
 * src/display/interrupt.ts).
 *
 * Behaviour: `globalThis[Symbol.for("tslab-ml.interrupt")]` holds
 * `{requests, active}`. On an interrupt the kernel increments `requests`. When
 * `active > 0`, a loop such as `fit` promised to stop at its next check (the
 * end of the current batch) and let its cell go on, so the kernel does not
 * abandon the cell; if the work is still marked active after `graceMs`, the
 * kernel interrupts the cell the hard way. With nothing active, the cell is
 * interrupted at once (KeyboardInterrupt), as before.
 *
 * @example
 * requestCooperativeInterrupt(() => runner.interrupt()); // true when a loop will stop itself
 */
import { interruptState } from "../src/display/interrupt";

/**
 * Signals an interrupt. Returns true when cooperative work will stop by itself;
 * `hardInterrupt` then runs only if that work is still active after `graceMs`.
 * Returns false (after calling `hardInterrupt`) when nothing cooperative runs.
 */
export function requestCooperativeInterrupt(hardInterrupt: () => void, graceMs = 3000): boolean {
  const s = interruptState();
  s.requests++;
  if (s.active <= 0) {
    hardInterrupt();
    return false;
  }
  const requestsAtSignal = s.requests;
  const timer = setTimeout(() => {
    if (s.active > 0 && s.requests === requestsAtSignal) hardInterrupt();
  }, graceMs);
  timer.unref();
  return true;
}
