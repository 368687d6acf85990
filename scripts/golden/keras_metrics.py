"""Golden values for tslab-ml's Keras metrics (precision, recall, AUC, accuracy).

Run with Debian's Python (scikit-learn 1.2, numpy):
    /usr/bin/python3 scripts/golden/keras_metrics.py
    npx prettier --write test/fixtures/keras/metrics.json
Writes test/fixtures/keras/metrics.json: a fixed prediction set and the metric values computed
by scikit-learn (precision/recall at threshold 0.5, exact ROC AUC, accuracy) and, independently
in numpy, Keras's AUC formula (200 thresholds, trapezoidal interpolation of the ROC curve).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, precision_score, recall_score, roc_auc_score

rng = np.random.default_rng(20241123)
n = 500
y_true = rng.integers(0, 2, n)
# Scores correlated with the label, rounded to float32-exact values.
score = 1 / (1 + np.exp(-(1.5 * (2 * y_true - 1) + rng.normal(0, 1.5, n))))
y_pred = np.round(score, 4).astype(np.float32).astype(np.float64)

pred_label = (y_pred > 0.5).astype(int)


def keras_auc(y, p, k=200):
    eps = 1e-7
    thr = np.array([0 - eps] + [(i + 1) / (k - 1) for i in range(k - 2)] + [1 + eps])
    pos = p[None, :] > thr[:, None]
    tp = (pos & (y[None, :] == 1)).sum(1)
    fp = (pos & (y[None, :] == 0)).sum(1)
    fn = (~pos & (y[None, :] == 1)).sum(1)
    tn = (~pos & (y[None, :] == 0)).sum(1)
    tpr = tp / (tp + fn)
    fpr = fp / (fp + tn)
    return float(np.sum((fpr[:-1] - fpr[1:]) * (tpr[:-1] + tpr[1:]) / 2))


out = {
    "meta": {"sklearn": sklearn.__version__, "numpy": np.__version__, "script": "scripts/golden/keras_metrics.py"},
    "y_true": y_true.tolist(),
    "y_pred": y_pred.tolist(),
    "precision": float(precision_score(y_true, pred_label)),
    "recall": float(recall_score(y_true, pred_label)),
    "accuracy": float(accuracy_score(y_true, pred_label)),
    "roc_auc_exact": float(roc_auc_score(y_true, y_pred)),
    "auc_keras_200": keras_auc(y_true, y_pred),
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "keras", "metrics.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump(out, f, indent=2)
print({k: v for k, v in out.items() if not k.startswith("y_") and k != "meta"})
