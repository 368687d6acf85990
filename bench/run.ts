/**
 * `npm run bench`: the side-by-side benchmark of tslab-ml against PyTorch (CPU, one thread),
 * plus the kernel's latency and the executed notebooks' weight.
 *
 * Behaviour: silences the library's backend announcement on stdout (TSLAB_ML_QUIET=1; the line
 * goes to stderr instead), runs bench/suite.ts and never exits non-zero: even an unexpected
 * failure is printed as a `{"kind":"error"}` line. stdout holds JSON lines only (meta, one per
 * row, summary); stderr has the progress and a readable table. PyTorch columns are null when
 * `/usr/bin/python3 -c "import torch"` fails. Needs `npm run build` first. Arguments pick
 * sections: `training`, `kernel`, `notebooks` (default: all).
 *
 * Run: `npm run build && npm run bench` or `node dist/bench/run.js kernel notebooks`.
 *
 * @example
 * // npm run bench 2>table.txt | jq -c 'select(.kind=="row") | [.row, .ours, .theirs, .ratio]'
 * // ["matMul NN 512x784·784x256","GFLOP/s",20.1,100.9,0.2] …
 */
process.env.TSLAB_ML_QUIET = "1";

async function main(): Promise<void> {
  try {
    const { runSuite, SECTIONS } = await import("./suite");
    const asked = process.argv.slice(2).filter((a) => (SECTIONS as readonly string[]).includes(a));
    await runSuite(asked.length > 0 ? (asked as (typeof SECTIONS)[number][]) : SECTIONS);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stdout.write(JSON.stringify({ kind: "error", error: message }) + "\n");
    console.error(`bench: failed: ${message}`);
  }
  process.exitCode = 0;
}

void main();
