/**
 * A stand-in for the kernel's display bridge that records what was sent. Like the real one
 * (kernel/bridge.ts) it passes each bundle through the package's
 * `Symbol.for("tslab-ml.prepareBundle")` hook first.
 */
export interface Sent {
  bundle: Record<string, unknown>;
  options: { displayId?: string; update?: boolean; resultOf?: unknown };
}

/** Install a recording bridge; call the returned function to remove it. */
export function fakeKernel(): { sent: Sent[]; restore: () => void } {
  const sent: Sent[] = [];
  const key = Symbol.for("tslab-ml.kernel");
  const g = globalThis as unknown as Record<symbol, unknown>;
  const before = g[key];
  g[key] = {
    implementation: "tslab-ml",
    display: (bundle: Record<string, unknown>, options: Sent["options"]) => {
      const prepare = g[Symbol.for("tslab-ml.prepareBundle")];
      const ready =
        typeof prepare === "function"
          ? (prepare as (b: Record<string, unknown>) => Record<string, unknown>)(bundle)
          : bundle;
      sent.push({ bundle: ready, options });
    },
  };
  return { sent, restore: () => void (before === undefined ? delete g[key] : (g[key] = before)) };
}
