"""Execute notebooks through a Jupyter kernel with nbclient.

usage: run_notebooks.py OUT_DIR NOTEBOOK [NOTEBOOK ...]

Each notebook runs in its own folder with the kernel named in its metadata
(default tslab-ml). The executed copy is written to OUT_DIR, with an HTML
export beside it for reading (nbconvert; skipped with a note when nbconvert is
missing). Prints one JSON line per notebook ({"notebook", "ok", "seconds",
"errors", "html"}) and exits 1 if any cell failed or produced an error output.
"""

import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError, CellTimeoutError


def run(path, out_dir):
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "tslab-ml")
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=int(os.environ.get("TSLAB_ML_CELL_TIMEOUT", "900")),
        allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    started = time.time()
    errors = []
    try:
        client.execute()
    except (CellExecutionError, DeadKernelError, CellTimeoutError, RuntimeError) as e:
        errors.append(f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, os.path.basename(path))
    nbformat.write(nb, target)
    return {
        "notebook": os.path.basename(path),
        "ok": not errors,
        "seconds": round(time.time() - started, 2),
        "errors": errors,
        "html": export_html(nb, target),
    }


def export_html(nb, target):
    """Write TARGET with .html for .ipynb; returns its path, or None without nbconvert."""
    try:
        from nbconvert import HTMLExporter
    except ImportError:
        print("run_notebooks: nbconvert is missing, no HTML export", file=sys.stderr)
        return None
    body, _ = HTMLExporter().from_notebook_node(nb)
    html = os.path.splitext(target)[0] + ".html"
    with open(html, "w", encoding="utf-8") as f:
        f.write(body)
    return html


def main():
    out_dir, paths = sys.argv[1], sys.argv[2:]
    ok = True
    for p in paths:
        result = run(p, out_dir)
        ok = ok and result["ok"]
        print(json.dumps(result, ensure_ascii=False), flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
