/**
 * One send at a time on a ZeroMQ socket, in call order.
 *
 * Behaviour: zeromq.js 6 refuses a send while the previous one on the same socket is still in
 * progress ("Socket is busy writing; only one send operation may be in progress at any time").
 * That happens after 512 sends in one turn of the event loop (zeromq.js then delays the next
 * write so as not to starve the loop), e.g. a cell that displays many outputs in a burst.
 * `sendInOrder(sock)` returns the socket with a `send` that waits for the previous send before
 * starting the next, so every message goes out, in order. A send that fails is written to the
 * kernel's log (unless the socket was closed, at shutdown) and the queue goes on; the returned
 * promise never rejects (callers such as tslab's status messages do not await it).
 *
 * @example
 * const iopub = sendInOrder(new zmq.Publisher());
 * iopub.send(frames1);
 * iopub.send(frames2); // starts when frames1 has been handed over
 */
import { kernelLog } from "./log";

type Send = (frames: never) => unknown;

const tails = new WeakMap<object, () => Promise<void>>();

/** Resolves when every message given to a `sendInOrder` socket so far has been handed over. */
export function drained(sock: object): Promise<void> {
  return tails.get(sock)?.() ?? Promise.resolve();
}

/**
 * `sock` behind a proxy whose `send` waits for the previous send (see the module doc); every
 * other property is the socket's own (methods bound to it). zeromq.js sockets are sealed, so the
 * proxy is what the kernel keeps instead of the socket.
 */
export function sendInOrder<S extends object & { send: Send }>(sock: S): S {
  const send = sock.send.bind(sock) as (frames: unknown) => unknown;
  let tail: Promise<void> | null = null;
  const start = (frames: unknown): Promise<void> =>
    new Promise<unknown>((resolve) => resolve(send(frames))).then(
      () => undefined,
      (e: unknown) => {
        // messages still queued when the kernel shuts down have no one to go to
        if ((e as { code?: string })?.code === "EBADF" || /closed/i.test(String(e))) return;
        kernelLog(`a message could not be sent: ${(e as Error)?.message ?? e}`);
      },
    );
  const queued = (frames: unknown): Promise<void> => {
    const next: Promise<void> = tail ? tail.then(() => start(frames)) : start(frames);
    tail = next;
    void next.then(() => {
      if (tail === next) tail = null;
    });
    return next;
  };
  const proxy = new Proxy(sock, {
    get(target, key) {
      if (key === "send") return queued;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  tails.set(proxy, () => tail ?? Promise.resolve());
  return proxy;
}
