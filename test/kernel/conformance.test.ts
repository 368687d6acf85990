/**
 * The official jupyter_kernel_test suite (plus tslab-ml's own protocol checks
 * in conformance_test.py) against the installed kernelspec, run from a folder
 * without node_modules.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import path from "path";
import { packageRoot } from "../../kernel/paths";
import { tempDir, tempJupyterPath, testPython } from "../helpers";

const REQUIRED = [
  "test_kernel_info",
  "test_execute_stdout",
  "test_execute_stderr",
  "test_error",
  "test_execute_result",
  "test_display_data",
  "test_completion",
  "test_inspect",
  "test_is_complete",
  "test_tslab_ml_error_fields_and_survival",
  "test_tslab_ml_typescript_diagnostic",
  "test_tslab_ml_rich_execute_result",
  "test_tslab_ml_display_update",
  "test_tslab_ml_interrupt_sync_loop",
  "test_tslab_ml_interrupt_async_wait",
  "test_tslab_ml_interrupt_cooperative_loop",
  "test_tslab_ml_kernel_info_fields",
  "test_tslab_ml_rejected_promise",
  "test_tslab_ml_helper_plot_is_not_shown_twice",
  "test_tslab_ml_interrupt_fit",
  "test_tslab_ml_error_aborts_only_queued_requests",
  "test_tslab_ml_silent_execution",
  "test_tslab_ml_history_and_comm_info",
];

test(
  "jupyter_kernel_test suite passes against the tslab-ml kernelspec",
  { timeout: 600_000 },
  () => {
    const python = testPython();
    const cwd = tempDir("conformance");
    const script = path.join(packageRoot(), "test", "kernel", "conformance_test.py");
    const r = spawnSync(python, [script], {
      cwd,
      env: { ...process.env, JUPYTER_PATH: tempJupyterPath() },
      encoding: "utf8",
      timeout: 540_000,
    });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, `conformance suite failed:\n${out}`);
    for (const name of REQUIRED) {
      assert.match(
        out,
        new RegExp(`^${name} \\(.*\\) \\.\\.\\. ok$`, "m"),
        `${name} did not pass:\n${out}`,
      );
    }
    assert.match(out, /^OK/m);
  },
);
