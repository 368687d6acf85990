"""Drives the real tslab-ml kernel for test/kernel/robustness.test.ts.

usage: robustness_client.py SCENARIO
  late-errors   errors thrown in timers / rejected promises after (or while) a cell runs
  hmac          raw messages with bad signatures on shell and control, then a good one
  bind          which addresses the kernel listens on (127.0.0.1, then 127.0.0.2)
  two-kernels   two kernels in the current folder (tcp, then ipc), plus a third one
                started on the first one's endpoints
  ipc-files     a stale socket file and a regular file on a kernel's ipc endpoints

The kernelspec "tslab-ml" must be on JUPYTER_PATH. Run it in the notebook folder to use.
Prints what it observed as one JSON line starting with "RESULT "; the node test asserts on
it. Exits 0 whenever it could observe (assertions are the node test's job).
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.session import Session

START_TIMEOUT = 120
LOG_DIR = tempfile.mkdtemp(prefix="tslab-ml-robustness-")


# -- starting kernels ---------------------------------------------------------


def start(name, **km_args):
    """A kernel started by jupyter_client from the kernelspec, in the current folder."""
    km = KernelManager(kernel_name="tslab-ml", **km_args)
    log = open(os.path.join(LOG_DIR, f"{name}.stderr"), "w")
    km.start_kernel(cwd=os.getcwd(), stderr=log)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=START_TIMEOUT)
    return km, kc, log.name


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def kernel_argv(connection_file):
    spec = KernelSpecManager().get_kernel_spec("tslab-ml")
    return [a.replace("{connection_file}", connection_file) for a in spec.argv]


def launch_raw(connection_file):
    """The kernel process started directly (not through KernelManager)."""
    return subprocess.Popen(
        kernel_argv(connection_file),
        cwd=os.getcwd(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def client_for(connection_file):
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    return kc


def kernel_info_ok(kc, timeout=START_TIMEOUT, proc=None):
    """Does the kernel answer a kernel_info_request (sent once; zmq queues it until connected)?"""
    msg_id = kc.kernel_info()
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            reply = kc.get_shell_msg(timeout=1)
        except Exception:  # queue.Empty
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"].get("status") == "ok"
    return False


def stop_raw(kc, proc):
    """Shut a directly started kernel down (shutdown_request, then its exit)."""
    msg_id = kc.shutdown()
    deadline = time.time() + 30
    while time.time() < deadline and proc.poll() is None:
        try:
            if kc.get_control_msg(timeout=1)["parent_header"].get("msg_id") == msg_id:
                break
        except Exception:  # queue.Empty
            pass
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    kc.stop_channels()


# -- running cells and recording iopub ----------------------------------------


class Recorder:
    """Runs cells by label and keeps every iopub message in arrival order."""

    def __init__(self, kc, km=None):
        self.kc = kc
        self.km = km  # when given, waiting stops as soon as the kernel process is gone
        self.labels = {}
        self.iopub = []
        self.replies = {}

    def send(self, label, code):
        msg_id = self.kc.execute(code)
        self.labels[msg_id] = label
        return msg_id

    def _read_iopub(self, timeout):
        msg = self.kc.get_iopub_msg(timeout=timeout)
        entry = {
            "cell": self.labels.get(msg["parent_header"].get("msg_id")),
            "type": msg["msg_type"],
            "content": msg["content"],
        }
        self.iopub.append(entry)
        return entry

    def _waiting(self, deadline):
        return time.time() < deadline and (self.km is None or self.km.is_alive())

    def wait_iopub(self, pred, timeout=60):
        """Read iopub until a message satisfies pred (also among those already read)."""
        if any(pred(e) for e in self.iopub):
            return True
        deadline = time.time() + timeout
        while self._waiting(deadline):
            try:
                if pred(self._read_iopub(1)):
                    return True
            except Exception:  # queue.Empty
                pass
        return False

    def wait_reply(self, label, timeout=120):
        deadline = time.time() + timeout
        while label not in self.replies and self._waiting(deadline):
            try:
                msg = self.kc.get_shell_msg(timeout=1)
            except Exception:  # queue.Empty
                continue
            got = self.labels.get(msg["parent_header"].get("msg_id"))
            if got:
                self.replies[got] = msg["content"]
        return self.replies.get(label)

    def wait_idle(self, label, timeout=120):
        return self.wait_iopub(
            lambda e: e["cell"] == label
            and e["type"] == "status"
            and e["content"]["execution_state"] == "idle",
            timeout,
        )

    def run(self, label, code, timeout=120):
        self.send(label, code)
        self.wait_reply(label, timeout)
        self.wait_idle(label, timeout)
        return self.replies.get(label)

    def wait_error(self, label, timeout=60):
        return self.wait_iopub(lambda e: e["cell"] == label and e["type"] == "error", timeout)


def result_text(rec, label):
    for e in rec.iopub:
        if e["cell"] == label and e["type"] == "execute_result":
            return e["content"]["data"]["text/plain"]
    return None


# -- scenarios ----------------------------------------------------------------


def late_errors():
    km, kc, log = start("late")
    rec = Recorder(kc, km)
    rec.run("timer", 'const kept = 41;\nsetTimeout(() => { throw new Error("late timer"); }, 50);\n"armed"')
    rec.wait_error("timer")
    rec.run(
        "rejection",
        "(async () => {\n  await new Promise((r) => setTimeout(r, 50));\n"
        '  throw new RangeError("late rejection");\n})();\n"armed"',
    )
    rec.wait_error("rejection")
    # the wasm backend's Emscripten runtime adds process listeners that rethrow
    rec.run("wasm", 'import { ready } from "tslab-ml";\n(await ready()).name', timeout=300)
    rec.run("after-wasm", 'setTimeout(() => { throw new Error("late after wasm"); }, 50);\n"armed"')
    rec.wait_error("after-wasm")
    # the same kind of listeners, added by the cell itself
    rec.run(
        "rethrowing",
        'process.on("uncaughtException", (e) => { throw e; });\n'
        'process.on("unhandledRejection", (r) => { throw r; });\n'
        'setTimeout(() => { Promise.reject(new SyntaxError("rejected past rethrowing listeners")); }, 50);\n'
        '"armed"',
    )
    rec.wait_error("rethrowing")
    rec.run(
        "own-run",
        'setTimeout(() => { throw new EvalError("while the cell waits"); }, 10);\n'
        "await new Promise((r) => setTimeout(r, 1000));\n"
        '"waited"',
    )
    # an error from an earlier cell that fires while the next cell runs
    rec.send(
        "earlier",
        "const fired = new Promise<void>((resolve) => setTimeout(() => {\n"
        '  resolve();\n  throw new URIError("during the next cell");\n}, 200));\n"armed"',
    )
    rec.send("next", 'await fired;\nawait new Promise((r) => setTimeout(r, 500));\n"waited"')
    rec.wait_reply("earlier")
    rec.wait_reply("next")
    rec.wait_idle("next")
    rec.run("survived", "kept + 1")
    alive = km.is_alive()
    stop(km, kc)
    return {"iopub": rec.iopub, "replies": rec.replies, "alive": alive, "log": open(log).read()}


def hmac():
    km, kc, log = start("hmac")
    rec = Recorder(kc, km)
    info = km.get_connection_info()
    good = Session(key=info["key"], signature_scheme="hmac-sha256")
    wrong = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    marker = os.path.abspath("hmac-marker.txt")
    write_marker = f'require("fs").writeFileSync({json.dumps(marker)}, "executed")'

    ctx = zmq.Context()
    socks = {}
    for channel in ("shell", "control"):
        s = ctx.socket(zmq.DEALER)
        s.linger = 0
        s.connect(f"tcp://{info['ip']}:{info[channel + '_port']}")
        socks[channel] = s
    time.sleep(0.5)  # let the DEALER connections finish before sending

    def frames(session, msg_type, content):
        msg = session.msg(msg_type, content)
        return msg["header"]["msg_id"], session.serialize(msg)

    bad_ids = []
    sent = []

    def send_bad(channel, kind, msg_type, content, tamper):
        msg_id, parts = frames(good if kind != "wrong-key" else wrong, msg_type, content)
        parts = tamper(parts)
        socks[channel].send_multipart(parts)
        bad_ids.append(msg_id)
        sent.append({"channel": channel, "kind": kind, "msg_type": msg_type})

    same = lambda p: p  # noqa: E731  (signed with the wrong key already)
    exe = {"code": write_marker, "silent": False}
    send_bad("shell", "wrong-key", "kernel_info_request", {}, same)
    send_bad("shell", "wrong-key", "execute_request", exe, same)
    send_bad("shell", "empty-signature", "execute_request", exe, lambda p: [p[0], b""] + p[2:])
    send_bad(
        "shell",
        "tampered-content",
        "execute_request",
        {"code": "1 + 1", "silent": False},
        lambda p: p[:5] + [json.dumps(exe).encode()],
    )
    send_bad("control", "wrong-key", "shutdown_request", {"restart": False}, same)
    send_bad("shell", "no-delimiter", "kernel_info_request", {}, lambda p: p[1:])
    send_bad("shell", "too-few-frames", "kernel_info_request", {}, lambda p: p[:3])

    # nothing may answer within 2 s
    early = []
    poller = zmq.Poller()
    for s in socks.values():
        poller.register(s, zmq.POLLIN)
    deadline = time.time() + 2
    while time.time() < deadline:
        for s, _ in poller.poll(timeout=100):
            early.append(good.deserialize(good.feed_identities(s.recv_multipart())[1])["msg_type"])

    # a correctly signed request on the same socket is answered (replies come in order)
    good_id, parts = frames(good, "kernel_info_request", {})
    socks["shell"].send_multipart(parts)
    before_good = []
    good_reply = None
    deadline = time.time() + 60
    while good_reply is None and time.time() < deadline:
        for s, _ in poller.poll(timeout=500):
            msg = good.deserialize(good.feed_identities(s.recv_multipart())[1])
            if msg["parent_header"].get("msg_id") == good_id:
                good_reply = {"msg_type": msg["msg_type"], "status": msg["content"].get("status")}
            else:
                before_good.append(msg["parent_header"].get("msg_id"))
    # iopub is published in order: everything about the bad messages came before this idle
    rec.labels[good_id] = "good"
    rec.wait_idle("good", 60)
    for msg_id in bad_ids:
        rec.labels[msg_id] = "bad"
    bad_iopub = [
        e for e in rec.iopub if e["cell"] == "bad" or "signature" in json.dumps(e["content"])
    ]
    after = rec.run("after", "40 + 2")
    # the same code, correctly signed, does write its file (so the check above means something)
    control_marker = os.path.abspath("hmac-control-marker.txt")
    code = f'require("fs").writeFileSync({json.dumps(control_marker)}, "executed")'
    _, parts = frames(good, "execute_request", {"code": code, "silent": False})
    socks["shell"].send_multipart(parts)
    deadline = time.time() + 60
    while not os.path.exists(control_marker) and time.time() < deadline:
        poller.poll(timeout=200)
    alive = km.is_alive()
    for s in socks.values():
        s.close()
    stop(km, kc)
    return {
        "sent": sent,
        "early": early,
        "before_good": before_good,
        "good_reply": good_reply,
        "bad_iopub": bad_iopub,
        "after": {"status": after and after["status"], "result": result_text(rec, "after")},
        "marker_exists": os.path.exists(marker),
        "control_marker_exists": os.path.exists(control_marker),
        "alive": alive,
        "log": open(log).read(),
    }


def listening(pid):
    """[(address, port)] of the TCP sockets in LISTEN state that process pid holds."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            local, state, inode = f[1], f[3], f[9]
            if state != "0A" or inode not in inodes:
                continue
            addr_hex, port_hex = local.split(":")
            raw = bytes.fromhex(addr_hex)
            if v6:
                raw = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                addr = socket.inet_ntop(socket.AF_INET6, raw)
            else:
                addr = socket.inet_ntop(socket.AF_INET, raw[::-1])
            found.append([addr, int(port_hex, 16)])
    return sorted(found)


def local_ipv4_addresses():
    from jupyter_client.localinterfaces import local_ips

    addrs = {ip for ip in local_ips() if ip and ip != "0.0.0.0" and ":" not in ip}
    return sorted(addrs | {"127.0.0.1", "127.0.0.2"})


def can_connect(addr, port):
    try:
        with socket.create_connection((addr, port), timeout=3):
            return True
    except OSError:
        return False


PORT_NAMES = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


def observe_binding(pid, info):
    ports = sorted(info[p] for p in PORT_NAMES)
    ss = ""
    if shutil.which("ss"):
        ss = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
    return {
        "ip": info["ip"],
        "ports": ports,
        "listening": listening(pid),
        "connect": {a: {str(p): can_connect(a, p) for p in ports} for a in local_ipv4_addresses()},
        "ss": "\n".join(l for l in ss.splitlines() if f"pid={pid}," in l),
    }


def bind():
    out = {}
    km, kc, _ = start("bind-loopback")
    out["loopback"] = observe_binding(km.provisioner.pid, km.get_connection_info())
    out["loopback"]["answers"] = kernel_info_ok(kc)
    stop(km, kc)
    # another address, from a connection file written here (KernelManager only launches on
    # addresses of an interface; 127.0.0.2 is loopback too, but not 127.0.0.1)
    fname = os.path.join(LOG_DIR, "kernel-127-0-0-2.json")
    write_connection_file(fname, ip="127.0.0.2", key=b"other-key", transport="tcp")
    info = json.load(open(fname))
    proc = launch_raw(fname)
    kc = client_for(fname)
    try:
        answers = kernel_info_ok(kc, proc=proc)
        out["other"] = observe_binding(proc.pid, info)
        out["other"]["answers"] = answers
    finally:
        stop_raw(kc, proc)
    return out


def folder_state():
    """name → sha256 (or the file kind) of every entry in the current folder."""
    state = {}
    for name in sorted(os.listdir(".")):
        st = os.lstat(name)
        if os.path.isfile(name) and not os.path.islink(name):
            state[name] = hashlib.sha256(open(name, "rb").read()).hexdigest()
        else:
            state[name] = "socket" if (st.st_mode & 0o170000) == 0o140000 else "other"
    return state


def ipc_inodes(info):
    return {p: os.stat(f"{info['ip']}-{info[p]}").st_ino for p in PORT_NAMES}


def third_kernel_on(connection_file):
    """Start a kernel on an existing kernel's endpoints; how it ended."""
    proc = launch_raw(connection_file)
    try:
        code = proc.wait(timeout=START_TIMEOUT)
        return {"exit": code, "stderr": proc.stderr.read()}
    except subprocess.TimeoutExpired:
        proc.kill()
        return {"exit": None, "stderr": "still running after the timeout"}


def two_kernels_with(transport):
    args = {"transport": transport}
    if transport == "ipc":
        args["ip"] = "kernel-ipc"  # relative: the socket files live in this folder
    before = folder_state()
    km_a, kc_a, _ = start(f"{transport}-A", **args)
    km_b, kc_b, _ = start(f"{transport}-B", **args)
    a, b = Recorder(kc_a, km_a), Recorder(kc_b, km_b)
    for rec, who in ((a, "A"), (b, "B")):
        rec.run("import", 'import { tf, ready } from "tslab-ml";\nawait ready();\ntf.tensor1d([1, 2, 3]).sum().dataSync()[0]', 300)
        rec.run("set", f'const who = "{who}";\nwho')
    a.run("who", "who")
    b.run("who", "who")
    info_a = km_a.get_connection_info()
    info_b = km_b.get_connection_info()
    running = folder_state()
    inodes_before = ipc_inodes(info_a) if transport == "ipc" else None
    third = third_kernel_on(km_a.connection_file)
    inodes_after = ipc_inodes(info_a) if transport == "ipc" else None
    # a new client connecting now reaches A itself (its endpoints were not taken over)
    fresh = client_for(km_a.connection_file)
    fresh_ok = kernel_info_ok(fresh)
    fresh.stop_channels()
    a.run("who-again", "who")
    stop(km_b, kc_b)
    a.run("after-b", "who")
    stop(km_a, kc_a)
    after = folder_state()
    return {
        "before": before,
        "running": running,
        "after": after,
        "ports": {"A": sorted(info_a[p] for p in PORT_NAMES), "B": sorted(info_b[p] for p in PORT_NAMES)},
        "ip": {"A": info_a["ip"], "B": info_b["ip"]},
        "who": {
            "A": result_text(a, "who"),
            "B": result_text(b, "who"),
            "A-again": result_text(a, "who-again"),
            "A-after-B-stopped": result_text(a, "after-b"),
        },
        "imports": {"A": result_text(a, "import"), "B": result_text(b, "import")},
        "third": third,
        "inodes_same": inodes_before == inodes_after,
        "fresh_client_ok": fresh_ok,
    }


def two_kernels():
    return {"tcp": two_kernels_with("tcp"), "ipc": two_kernels_with("ipc")}


def ipc_files():
    """A stale socket file may be replaced; a regular file on an endpoint is left alone."""
    out = {}
    # stale: a unix socket that was bound and closed without unlinking
    fname = os.path.join(LOG_DIR, "stale.json")
    write_connection_file(fname, ip="stale-ipc", key=b"k", transport="ipc")
    info = json.load(open(fname))
    stale = f"stale-ipc-{info['shell_port']}"
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(stale)
    s.close()
    proc = launch_raw(fname)
    kc = client_for(fname)
    try:
        out["stale_answers"] = kernel_info_ok(kc, proc=proc)
        out["stale_is_socket_now"] = os.path.exists(stale)
    finally:
        stop_raw(kc, proc)
    out["stale_exit"] = proc.returncode
    out["stale_stderr"] = proc.stderr.read()
    out["left_after_shutdown"] = sorted(n for n in os.listdir(".") if n.startswith("stale-ipc-"))
    # a regular file where a socket would go
    fname = os.path.join(LOG_DIR, "regular.json")
    write_connection_file(fname, ip="notes", key=b"k", transport="ipc")
    info = json.load(open(fname))
    regular = f"notes-{info['iopub_port']}"
    with open(regular, "w") as f:
        f.write("my notes\n")
    ended = third_kernel_on(fname)
    out["regular"] = {**ended, "content": open(regular).read()}
    return out


SCENARIOS = {
    "late-errors": late_errors,
    "hmac": hmac,
    "bind": bind,
    "two-kernels": two_kernels,
    "ipc-files": ipc_files,
}

if __name__ == "__main__":
    result = SCENARIOS[sys.argv[1]]()
    print("RESULT " + json.dumps(result))
