/**
 * Frees what a re-run cell replaced: before a cell, `bindingsBefore()` records the values of the
 * notebook's names (tslab keeps them on `globalThis.__tslab__.exports`); after it,
 * `releaseAfter(before)` hands the package's hook (`Symbol.for("tslab-ml.releaseReplaced")`)
 * the values that names stopped holding and the values they hold now.
 *
 * Behaviour: does nothing when tslab-ml was never imported (no hook) or nothing was replaced;
 * never throws (a failure in the hook must not fail the cell).
 *
 * @example
 * const before = bindingsBefore();
 * await runner.run(code);
 * releaseAfter(before);
 */
type Bindings = Map<string, unknown>;
type Hook = (old: unknown[], live: unknown[]) => unknown;

function exportsObject(): Record<string, unknown> | null {
  const t = (globalThis as unknown as { __tslab__?: { exports?: Record<string, unknown> } })
    .__tslab__;
  return t?.exports ?? null;
}

/** The notebook's names and values now. */
export function bindingsBefore(): Bindings {
  return new Map(Object.entries(exportsObject() ?? {}));
}

/** Passes the replaced values to the package's hook (see the module doc). */
export function releaseAfter(before: Bindings): void {
  const hook = (globalThis as unknown as Record<symbol, Hook | undefined>)[
    Symbol.for("tslab-ml.releaseReplaced")
  ];
  const now = exportsObject();
  if (!hook || !now) return;
  const old: unknown[] = [];
  for (const [name, value] of before) {
    if (!(name in now) || now[name] !== value) old.push(value);
  }
  if (old.length === 0) return;
  try {
    hook(old, Object.values(now));
  } catch {
    // freeing memory is best effort; the cell's result stands
  }
}
