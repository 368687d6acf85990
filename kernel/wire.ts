/**
 * Jupyter wire messages: parse a multipart ZeroMQ message, verify its
 * signature, build replies and sign them (HMAC-SHA256).
 *
 * Behaviour: the same framing as tslab's internal `ZmqMessage` (which tslab
 * does not export), so tslab's `ZmqServer` methods can take these messages.
 * A message with a bad signature or without the `<IDS|MSG>` delimiter throws.
 *
 * @example
 * const msg = WireMessage.parse(key, frames);
 * const reply = msg.reply("kernel_info_reply", { status: "ok" });
 * reply.signAndSend(key, shellSocket);
 */
import { createHmac, randomBytes, timingSafeEqual } from "crypto";

const DELIM = Buffer.from("<IDS|MSG>");

/** A Jupyter message header. */
export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

interface Sendable {
  send(frames: (Buffer | string)[]): unknown;
}

/** One Jupyter message. */
export class WireMessage {
  identity: Buffer[] = [];
  hmac = "";
  header: Header = {
    msg_id: "",
    msg_type: "",
    session: "",
    username: "",
    date: "",
    version: "5.3",
  };
  parent: Partial<Header> = {};
  metadata: Record<string, unknown> = {};
  content: Record<string, unknown> = {};
  extra: Buffer[] = [];

  /** Parse raw frames; throws on a missing delimiter or a wrong signature. */
  static parse(key: string, raw: Buffer[]): WireMessage {
    const at = raw.findIndex((b) => b.equals(DELIM));
    if (at < 0) throw new Error("message without <IDS|MSG> delimiter");
    if (raw.length < at + 6)
      throw new Error(`message with ${raw.length - at - 2} parts; expected at least 4`);
    const msg = new WireMessage();
    msg.identity = raw.slice(0, at);
    msg.hmac = raw[at + 1].toString();
    const parts = raw.slice(at + 2);
    if (key) {
      const want = sign(key, parts);
      const got = Buffer.from(msg.hmac);
      if (got.length !== want.length || !timingSafeEqual(got, Buffer.from(want))) {
        throw new Error("message with an invalid signature");
      }
    }
    msg.header = JSON.parse(parts[0].toString());
    msg.parent = JSON.parse(parts[1].toString());
    msg.metadata = JSON.parse(parts[2].toString());
    msg.content = JSON.parse(parts[3].toString());
    msg.extra = parts.slice(4);
    return msg;
  }

  /** A message whose parent is this one (same session and routing identity). */
  createReply(): WireMessage {
    const rep = new WireMessage();
    rep.identity = this.identity;
    rep.header = {
      version: "5.3",
      date: new Date().toISOString(),
      session: this.header.session,
      username: this.header.username,
      msg_type: this.header.msg_type,
      msg_id: randomBytes(16).toString("hex"),
    };
    rep.parent = this.header;
    return rep;
  }

  /** `createReply()` with its type and content set. */
  reply(msgType: string, content: object): WireMessage {
    const rep = this.createReply();
    rep.header.msg_type = msgType;
    rep.content = content as Record<string, unknown>;
    return rep;
  }

  /** Sign with `key` and send on `sock`. */
  signAndSend(key: string, sock: Sendable): void {
    const bodies = [this.header, this.parent, this.metadata, this.content].map((p) =>
      JSON.stringify(p),
    );
    sock.send([...this.identity, DELIM, key ? sign(key, bodies) : "", ...bodies]);
  }
}

function sign(key: string, parts: (Buffer | string)[]): string {
  const h = createHmac("sha256", key);
  for (const p of parts) h.update(p);
  return h.digest("hex");
}
