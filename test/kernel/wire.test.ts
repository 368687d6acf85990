import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "crypto";
import { WireMessage } from "../../kernel/wire";

function frames(key: string, content: object, identities = [Buffer.from("id1")]): Buffer[] {
  const header = {
    msg_id: "m1",
    msg_type: "kernel_info_request",
    session: "s",
    username: "u",
    date: "d",
    version: "5.3",
  };
  const parts = [header, {}, {}, content].map((p) => Buffer.from(JSON.stringify(p)));
  const h = createHmac("sha256", key);
  parts.forEach((p) => h.update(p));
  return [...identities, Buffer.from("<IDS|MSG>"), Buffer.from(h.digest("hex")), ...parts];
}

test("a signed message is parsed and its reply keeps identity and parent", () => {
  const msg = WireMessage.parse("k", frames("k", { a: 1 }));
  assert.equal(msg.header.msg_type, "kernel_info_request");
  assert.deepEqual(msg.content, { a: 1 });
  const sent: (Buffer | string)[][] = [];
  msg.reply("kernel_info_reply", { status: "ok" }).signAndSend("k", { send: (f) => sent.push(f) });
  const [id, delim, sig, header, parent, , content] = sent[0];
  assert.equal(id.toString(), "id1");
  assert.equal(delim.toString(), "<IDS|MSG>");
  assert.equal(JSON.parse(header.toString()).msg_type, "kernel_info_reply");
  assert.equal(JSON.parse(parent.toString()).msg_id, "m1");
  assert.deepEqual(JSON.parse(content.toString()), { status: "ok" });
  const h = createHmac("sha256", "k");
  sent[0].slice(3).forEach((p) => h.update(p));
  assert.equal(sig, h.digest("hex"));
});

test("a wrong signature or a missing delimiter is rejected", () => {
  assert.throws(() => WireMessage.parse("other", frames("k", {})), /invalid signature/);
  assert.throws(() => WireMessage.parse("k", [Buffer.from("x")]), /without <IDS\|MSG> delimiter/);
});
