"""The official jupyter_kernel_test suite against the installed "tslab-ml" kernelspec,
plus protocol checks of what tslab-ml adds (errors, rich results, display updates, interrupt).

Run by test/kernel/conformance.test.ts with JUPYTER_PATH pointing at a freshly written
kernelspec, from a folder without node_modules.
"""

import time
import unittest

import jupyter_kernel_test
from jupyter_client.utils import run_sync


class TslabMlKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tslab-ml"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("something went wrong")'
    code_generate_error = 'throw new Error("boom")'
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"a" + "b"', "result": "'ab'"},
        {"code": "[1, 2, 3].map((x) => x * 2)", "result": "[ 2, 4, 6 ]"},
    ]
    code_display_data = [
        {
            "code": 'import * as tslab from "tslab";\ntslab.display.html("<b>hi</b>");',
            "mime": "text/html",
        },
        {
            "code": '(globalThis as any)[Symbol.for("tslab-ml.kernel")].display({"text/html": "<i>x</i>", "text/plain": "x"});',
            "mime": "text/html",
        },
    ]
    completion_samples = [{"text": "Math.hyp", "matches": {"hypot"}}, {"text": "JSON.stri", "matches": {"stringify"}}]
    complete_code_samples = ["1 + 1", "let x = 1;", "function f() { return 1; }"]
    incomplete_code_samples = ["function f() {", "const a = [1, 2,"]
    invalid_code_samples = ["let x = ;", "1 +* 2"]
    code_inspect_sample = "Math.max"

    # -- what tslab-ml adds ------------------------------------------------

    def run_cell(self, code, timeout=60):
        self.flush_channels()
        return self.execute_helper(code, timeout=timeout)

    def get_iopub_text(self, msg_id, timeout=20):
        """stdout text the request published, read until its status goes idle."""
        text = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text.append(msg["content"]["text"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(text)

    def test_tslab_ml_kernel_info_fields(self):
        self.flush_channels()
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=15)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["implementation"], "tslab-ml")
        info = content["language_info"]
        self.assertEqual(info["name"], "typescript")
        self.assertRegex(info["version"], r"^\d+\.\d+\.\d+$")
        self.assertEqual(info["mimetype"], "text/typescript")
        self.assertEqual(info["codemirror_mode"]["mode"], "typescript")

    def test_tslab_ml_error_fields_and_survival(self):
        reply, _ = self.run_cell("const kept = 41;")
        self.assertEqual(reply["content"]["status"], "ok")
        reply, out = self.run_cell('throw new RangeError("value out of range")')
        c = reply["content"]
        self.assertEqual(c["status"], "error")
        self.assertEqual(c["ename"], "RangeError")
        self.assertEqual(c["evalue"], "value out of range")
        self.assertTrue(c["traceback"] and "RangeError" in c["traceback"][0])
        errors = [m for m in out if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["content"]["ename"], "RangeError")
        # the kernel survived and kept its state
        reply, out = self.run_cell("kept + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in out if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_tslab_ml_rejected_promise(self):
        reply, out = self.run_cell('await Promise.reject(new TypeError("async failure"))')
        c = reply["content"]
        self.assertEqual(c["status"], "error")
        self.assertEqual(c["ename"], "TypeError")
        self.assertEqual(c["evalue"], "async failure")

    def test_tslab_ml_typescript_diagnostic(self):
        reply, out = self.run_cell('const n: number = 1;\nconst s: string = n;')
        c = reply["content"]
        self.assertEqual(c["status"], "error")
        self.assertEqual(c["ename"], "TypeScriptError")
        self.assertIn("line 2, column 7", c["evalue"])
        self.assertIn("not assignable", c["evalue"])
        self.assertTrue(any("^" in line for line in c["traceback"]))
        self.assertEqual([m["msg_type"] for m in out], ["error"])

    def test_tslab_ml_rich_execute_result(self):
        code = (
            'const rich = { [Symbol.for("Jupyter.display")]() {'
            ' return { "text/html": "<b>rich</b>", "text/plain": "rich" }; } };\nrich'
        )
        reply, out = self.run_cell(code)
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in out if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        data = results[0]["content"]["data"]
        self.assertEqual(data["text/html"], "<b>rich</b>")
        self.assertEqual(data["text/plain"], "rich")
        self.assertEqual(results[0]["content"]["execution_count"], reply["content"]["execution_count"])

    def test_tslab_ml_display_update(self):
        code = (
            'const k = (globalThis as any)[Symbol.for("tslab-ml.kernel")];\n'
            'k.display({"text/html": "<p>epoch 1</p>", "text/plain": "epoch 1"}, {displayId: "live1"});\n'
            'k.display({"text/html": "<p>epoch 2</p>", "text/plain": "epoch 2"}, {displayId: "live1", update: true});'
        )
        reply, out = self.run_cell(code)
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in out]
        self.assertEqual(kinds, ["display_data", "update_display_data"])
        self.assertEqual(out[0]["content"]["transient"]["display_id"], "live1")
        self.assertEqual(out[1]["content"]["transient"]["display_id"], "live1")
        self.assertEqual(out[1]["content"]["data"]["text/plain"], "epoch 2")

    def test_tslab_ml_helper_plot_is_not_shown_twice(self):
        # a course helper displays its figure and returns it; as the cell's last
        # expression it is not repeated, but a later cell shows it again
        code = (
            'import { dl_history_plot } from "tslab-ml";\n'
            "const fig = dl_history_plot({ loss: [1, 0.5], val_loss: [1.1, 0.6] });\n"
            "fig"
        )
        reply, out = self.run_cell(code, timeout=60)
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in out if m["msg_type"] != "stream"]  # the backend line
        self.assertEqual(kinds, ["display_data"])
        shown = [m for m in out if m["msg_type"] == "display_data"]
        self.assertIn("application/vnd.plotly.v1+json", shown[0]["content"]["data"])
        reply, out = self.run_cell("fig")
        results = [m for m in out if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        data = results[0]["content"]["data"]
        self.assertIn("application/vnd.plotly.v1+json", data)
        self.assertIn("window.Plotly.newPlot", data["text/html"])
        self.assertNotIn("<!-- tslab-ml: plotly.js", data["text/html"])

    def _interrupt_during(self, code):
        self.flush_channels()
        msg_id = self.kc.execute(code)
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=20)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        return reply

    def test_tslab_ml_interrupt_sync_loop(self):
        reply = self._interrupt_during("let spins = 0;\nwhile (true) { spins++; }")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        reply, out = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_tslab_ml_interrupt_async_wait(self):
        reply = self._interrupt_during("await new Promise((r) => setTimeout(r, 60000));")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        reply, out = self.run_cell('"still alive"')
        self.assertEqual(reply["content"]["status"], "ok")

    def test_tslab_ml_interrupt_cooperative_loop(self):
        # a loop holding an interruptGuard stops itself; the cell finishes normally
        reply, _ = self.run_cell('import { interruptGuard } from "tslab-ml";', timeout=60)
        self.assertEqual(reply["content"]["status"], "ok")
        code = (
            "const guard = interruptGuard();\n"
            "let steps = 0;\n"
            "try {\n"
            "  while (!guard.interrupted && steps < 6000) {\n"
            "    steps++;\n"
            "    await new Promise((r) => setTimeout(r, 10));\n"
            "  }\n"
            "} finally {\n"
            "  guard.release();\n"
            "}\n"
            "console.log(`stopped after ${steps} steps`);"
        )
        reply = self._interrupt_during(code)
        msg_id = reply["parent_header"]["msg_id"]
        self.assertEqual(reply["content"]["status"], "ok")
        out = self.get_iopub_text(msg_id)
        self.assertIn("stopped after", out)
        reply, out = self.run_cell("steps > 10 && steps < 6000")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in out if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "true")

    def test_tslab_ml_interrupt_fit(self):
        # a long model.fit stops at the end of a batch: the cell finishes with the History so
        # far, and the model stays usable in the next cell
        reply, _ = self.run_cell('import { keras, tf } from "tslab-ml";', timeout=60)
        self.assertEqual(reply["content"]["status"], "ok")
        epochs = 100000
        code = (
            "const fitModel = keras.Sequential([keras.Input({ shape: [8] }), "
            'keras.layers.Dense(16, { activation: "relu" }), keras.layers.Dense(1)]);\n'
            'fitModel.compile({ optimizer: "adam", loss: "mse" });\n'
            "const fitX = tf.randomNormal([256, 8]);\n"
            "const fitY = tf.randomNormal([256, 1]);\n"
            f"const fitHistory = await fitModel.fit(fitX, fitY, {{ epochs: {epochs}, verbose: 0, "
            'callbacks: [{ onTrainBegin: () => console.log("fit started") }] });\n'
            "console.log(`fit returned after ${fitHistory.epoch.length} epochs`);"
        )
        self.flush_channels()
        msg_id = self.kc.execute(code)
        # interrupt only once training runs (a slow machine may still be compiling the cell)
        before = []
        while "fit started" not in "".join(before):
            msg = self.kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                before.append(msg["content"]["text"])
        time.sleep(0.5)
        self.km.interrupt_kernel()
        # a reply "ok" (not KeyboardInterrupt) shows that fit stopped by itself at the end of a
        # batch, before the kernel's 3 s grace period for cooperative loops ran out
        reply = self.get_non_kernel_info_reply(timeout=20)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        out = self.get_iopub_text(msg_id)
        self.assertRegex(out, r"Training interrupted at epoch \d+, batch \d+/8; the model keeps")
        self.assertIn("fit returned after", out)
        reply, out = self.run_cell(
            "const fitPred = fitModel.predict(fitX, { verbose: 0 });\n"
            f"[fitPred.shape[0], fitHistory.history.loss.length >= 1 && fitHistory.history.loss.length < {epochs}]"
        )
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in out if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "[ 256, true ]")
        # a following fit starts from the weights the interrupted one left (its first loss is
        # the loss of those weights, not of a fresh model) and trains them further
        reply, out = self.run_cell(
            "const lossBefore = fitModel.evaluate(fitX, fitY, { verbose: 0 }) as number;\n"
            "const w0 = fitModel.getWeights().map((w) => Array.from(w.dataSync()));\n"
            "const again = await fitModel.fit(fitX, fitY, { epochs: 3, batchSize: 256, shuffle: false, verbose: 0 });\n"
            "const moved = fitModel.getWeights().some((w, i) => Array.from(w.dataSync()).some((v, j) => v !== w0[i][j]));\n"
            "[again.history.loss.length, moved, Math.abs(again.history.loss[0] - lossBefore) < 1e-3 * Math.max(1, lossBefore)]"
        )
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m for m in out if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "[ 3, true, true ]")

    def test_tslab_ml_error_aborts_only_queued_requests(self):
        self.flush_channels()
        # the first cell waits, so that the second request has surely arrived (is queued)
        # when it fails
        first = self.kc.execute(
            'await new Promise((r) => setTimeout(r, 1000));\nthrow new Error("first fails");'
        )
        second = self.kc.execute('"queued behind the error"')
        replies = {}
        while len(replies) < 2:
            msg = self.get_non_kernel_info_reply(timeout=30)
            replies[msg["parent_header"]["msg_id"]] = msg["content"]
        self.assertEqual(replies[first]["status"], "error")
        self.assertEqual(replies[second]["status"], "aborted")
        # a request sent after the error reply runs normally (tslab aborted it for 200 ms)
        reply, out = self.run_cell("40 + 2")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m for m in out if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"], "42")

    def test_tslab_ml_silent_execution(self):
        reply, _ = self.run_cell("1")
        count = reply["content"]["execution_count"]
        self.flush_channels()
        msg_id = self.kc.execute("const quiet = 5;\nquiet * 2", silent=True)
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["execution_count"], count)
        kinds = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=5)
            kinds.append(msg["msg_type"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertNotIn("execute_result", kinds)
        self.assertNotIn("execute_input", kinds)

    def test_tslab_ml_history_and_comm_info(self):
        self.flush_channels()
        self.kc.history(hist_access_type="tail", n=3)
        reply = self.get_non_kernel_info_reply(timeout=15)
        self.assertEqual(reply["header"]["msg_type"], "history_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        self.kc.comm_info()
        reply = self.get_non_kernel_info_reply(timeout=15)
        self.assertEqual(reply["header"]["msg_type"], "comm_info_reply")
        self.assertEqual(reply["content"], {"status": "ok", "comms": {}})


if __name__ == "__main__":
    unittest.main(verbosity=2)
