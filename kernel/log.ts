/**
 * The kernel's own diagnostics, written to the real stderr of the process
 * (the Jupyter server's log), never into a notebook.
 *
 * Behaviour: while a cell runs, the handler points `process.stderr.write` at
 * that cell's iopub stream (and leaves it there afterwards, for late output),
 * so `console.warn` from kernel code would land in whichever notebook cell ran
 * last. `kernelLog` keeps the original writer, captured when this module is
 * first loaded (before any cell runs), and prefixes each line with
 * "tslab-ml kernel: ".
 *
 * @example
 * kernelLog("dropped a message with an invalid signature");
 * // stderr: "tslab-ml kernel: dropped a message with an invalid signature\n"
 */
const write = process.stderr.write.bind(process.stderr);

/** Write one line (or several) to the process's original stderr. */
export function kernelLog(text: string): void {
  try {
    write(`tslab-ml kernel: ${text}\n`);
  } catch {
    // stderr closed: nothing else to tell
  }
}
