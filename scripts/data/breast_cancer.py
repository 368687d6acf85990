"""Rebuilds data/breast_cancer.csv from scikit-learn's bundled copy (Debian's python3-sklearn).

Run by hand with Debian's Python (never run by tests):

    /usr/bin/python3 scripts/data/breast_cancer.py

scikit-learn's file starts with a line "569,30,malignant,benign" (samples, features, class
names) and has no header. The output keeps every data line byte for byte and puts in front a
header made of sklearn's `feature_names` plus "target" (0 = malignant, 1 = benign, as in
`load_breast_cancer()`). The script checks that the values equal what sklearn loads.
"""

import csv
import io
import os

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer

SOURCE = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data", "breast_cancer.csv")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "data", "breast_cancer.csv")


def main():
    with open(SOURCE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    first = lines[0].split(",")
    assert first == ["569", "30", "malignant", "benign"], first
    bunch = load_breast_cancer()
    assert list(bunch.target_names) == ["malignant", "benign"]
    header = ",".join(list(bunch.feature_names) + ["target"])
    rows = lines[1:]
    assert len(rows) == 569, len(rows)

    parsed = np.array(list(csv.reader(io.StringIO("\n".join(rows)))), dtype=np.float64)
    assert np.array_equal(parsed[:, :30], bunch.data)
    assert np.array_equal(parsed[:, 30].astype(int), bunch.target)

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n" + "\n".join(rows) + "\n")
    counts = np.bincount(bunch.target)
    print(f"sklearn {sklearn.__version__}: {len(rows)} rows, malignant {counts[0]}, benign {counts[1]}")


if __name__ == "__main__":
    main()
