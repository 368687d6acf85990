/**
 * The ZeroMQ side: tslab's `ZmqServer` with the message types it lacks.
 *
 * Behaviour: adds `execute_input`, `execute_result` and `error` iopub
 * messages (through `MlKernelHandler.execute`), `history_request` (an empty
 * history), `interrupt_request` on the control channel, a correct
 * `comm_info_reply`, and `shutdown_reply` with a status. Every request is
 * framed by busy/idle status messages as before.
 *
 * A message with a wrong HMAC signature (or malformed framing) is dropped
 * before anything else happens: no reply, no busy/idle status, one line in
 * the kernel's stderr log (never in a notebook). Sockets bind exactly the
 * endpoints of the connection file (see addresses.ts), also for the ipc
 * transport, and never take an ipc endpoint away from another kernel. Each
 * socket sends one message at a time, in order (sendInOrder.ts), and iopub
 * drops nothing: a burst of outputs larger than ZeroMQ's default queue of 1000
 * messages waits in memory until the frontend has read it.
 *
 * @example
 * const server = new MlZmqServer(handler, "/run/jupyter/kernel-1.json");
 * await server.init(); // bound; requests are served from now on
 */
import fs from "fs";
import path from "path";
import { ZmqServer } from "tslab/dist/jupyter";
import type { MlKernelHandler, ExecuteRequest } from "./handler";
import type { Publisher } from "./bridge";
import { WireMessage } from "./wire";
import { channelAddress, checkIpcEndpoints, removeIpcEndpoints } from "./addresses";
import { kernelLog } from "./log";
import { drained, sendInOrder } from "./sendInOrder";

type Message = Parameters<ZmqServer["handleKernelInfo"]>[1];
type Socket = Parameters<ZmqServer["handleShellMessage"]>[0];
type BindableSocket = { bind(address: string): Promise<void>; send(frames: never): unknown };
type Bind = (sock: BindableSocket, port: number) => Promise<void>;

/** tslab's server with conformant replies. */
export class MlZmqServer extends ZmqServer {
  private endpointsChecked: Promise<void> | null = null;

  constructor(
    private readonly ml: MlKernelHandler,
    connectionFile: string,
  ) {
    super(ml, connectionFile);
    // tslab's init() binds every socket through its private bindSocket(sock, port).
    (this as unknown as { bindSocket: Bind }).bindSocket = (sock, port) =>
      this.bindChannel(sock, port);
    // tslab's init() assigns the sockets to these fields: keep each behind sendInOrder, and
    // let iopub queue without a limit (ZeroMQ's default drops messages beyond 1000 queued ones)
    for (const field of ["iopub", "shell", "control", "stdin", "hb"]) {
      let socket: unknown = null;
      Object.defineProperty(this, field, {
        configurable: true,
        get: () => socket,
        set: (s: BindableSocket | null) => {
          if (s && field === "iopub") (s as { sendHighWaterMark?: number }).sendHighWaterMark = 0;
          socket = s ? sendInOrder(s) : s;
        },
      });
    }
  }

  /**
   * tslab's `init`, with one change: the sockets are all bound before any of them receives.
   * tslab starts its receive loops first; a message can then arrive while another socket (or
   * the same one) is still being bound, and zeromq.js throws "Socket is blocked by a bind or
   * unbind operation" from the next receive, which ended that loop and left the kernel deaf.
   */
  override async init(): Promise<void> {
    this.connInfo = JSON.parse(fs.readFileSync(this.configPath, "utf-8")) as typeof this.connInfo;
    const zmq = this.zeroMq();
    this.iopub = new zmq.Publisher();
    this.shell = new zmq.Router();
    this.control = new zmq.Router();
    this.stdin = new zmq.Router();
    this.hb = new zmq.Reply();
    const info = this.connInfo;
    await Promise.all([
      this.bindChannel(this.iopub, info.iopub_port),
      this.bindChannel(this.shell, info.shell_port),
      this.bindChannel(this.control, info.control_port),
      this.bindChannel(this.stdin, info.stdin_port),
      this.bindChannel(this.hb, info.hb_port),
    ]);
    serve("shell", this.shell, (frames) => void this.handleShellMessage(this.shell, ...frames));
    serve("control", this.control, (frames) => {
      void this.handleShellMessage(this.control, ...frames);
    });
    serve("hb", this.hb, (frames) => void this.hb.send(frames));
  }

  /** The zeromq.js module (tests give a stand-in). */
  protected zeroMq(): typeof import("zeromq") {
    return loadZeroMq();
  }

  private async bindChannel(sock: BindableSocket, port: number) {
    this.endpointsChecked ??= checkIpcEndpoints(this.connInfo, this.ports());
    await this.endpointsChecked;
    await sock.bind(channelAddress(this.connInfo, port));
  }

  private ports(): number[] {
    const info = this.connInfo;
    return [info.shell_port, info.iopub_port, info.stdin_port, info.control_port, info.hb_port];
  }

  override async handleShellMessage(sock: Socket, ...args: Buffer[]): Promise<void> {
    let msg: Message;
    try {
      // tslab's ZmqMessage is not exported; WireMessage has the same shape.
      msg = WireMessage.parse(this.connInfo.key, args) as unknown as Message;
    } catch (e) {
      kernelLog(`dropped a message: ${(e as Error).message}`);
      return;
    }
    let terminated = false;
    this.publishStatus("busy", msg);
    try {
      switch (msg.header.msg_type) {
        case "kernel_info_request":
          this.handleKernelInfo(sock, msg);
          break;
        case "execute_request":
          await this.handleExecute(sock, msg);
          break;
        case "is_complete_request":
          this.handleIsComplete(sock, msg);
          break;
        case "inspect_request":
          this.handleInspect(sock, msg);
          break;
        case "complete_request":
          this.handleComplete(sock, msg);
          break;
        case "comm_info_request":
          this.reply(sock, msg, "comm_info_reply", { status: "ok", comms: {} });
          break;
        case "history_request":
          this.reply(sock, msg, "history_reply", { status: "ok", history: [] });
          break;
        case "interrupt_request":
          this.ml.interrupt();
          this.reply(sock, msg, "interrupt_reply", { status: "ok" });
          break;
        case "shutdown_request":
          this.handleShutdown(sock, msg);
          terminated = true;
          break;
        default:
          kernelLog(`unknown msg_type ${msg.header.msg_type}`);
      }
    } catch (e) {
      kernelLog(`error handling ${msg.header.msg_type}: ${(e as Error)?.stack ?? String(e)}`);
    } finally {
      this.publishStatus("idle", msg);
    }
    if (terminated) {
      this.close();
      removeIpcEndpoints(this.connInfo, this.ports());
      setTimeout(() => process.exit(0), 100).unref();
    }
  }

  override async handleExecute(sock: Socket, msg: Message): Promise<void> {
    const publish: Publisher = (msgType, content) =>
      (msg as unknown as WireMessage)
        .reply(msgType, content)
        .signAndSend(this.connInfo.key, this.iopub);
    const content = await this.ml.execute(msg.content as ExecuteRequest, publish);
    // the reply follows the cell's outputs: they have all been handed to ZeroMQ first
    await drained(this.iopub);
    this.reply(sock, msg, "execute_reply", content);
  }

  private reply(sock: Socket, msg: Message, msgType: string, content: object): void {
    (msg as unknown as WireMessage).reply(msgType, content).signAndSend(this.connInfo.key, sock);
  }
}

/** zeromq.js, resolved from tslab's folder as tslab itself does. */
function loadZeroMq(): typeof import("zeromq") {
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve("zeromq", { paths: [tslabDir] })) as typeof import("zeromq");
}

/** Hands every message of `sock` to `onMessage` until the socket closes. */
function serve(name: string, sock: AsyncIterable<Buffer[]>, onMessage: (frames: Buffer[]) => void) {
  void (async () => {
    try {
      for await (const frames of sock) onMessage(frames);
    } catch (e) {
      if ((e as { code?: string })?.code !== "EBADF") {
        kernelLog(`the ${name} socket stopped receiving: ${(e as Error)?.message ?? e}`);
      }
    }
  })();
}
