/** A stand-in for the kernel's display bridge that records what was sent. */
export interface Sent {
  bundle: Record<string, unknown>;
  options: { displayId?: string; update?: boolean };
}

/** Install a recording bridge; call the returned function to remove it. */
export function fakeKernel(): { sent: Sent[]; restore: () => void } {
  const sent: Sent[] = [];
  const key = Symbol.for("tslab-ml.kernel");
  const g = globalThis as unknown as Record<symbol, unknown>;
  const before = g[key];
  g[key] = {
    implementation: "tslab-ml",
    display: (bundle: Record<string, unknown>, options: Sent["options"]) =>
      sent.push({ bundle, options }),
  };
  return { sent, restore: () => void (before === undefined ? delete g[key] : (g[key] = before)) };
}
