"""Golden values for tslab-ml's metrics and scalers, computed with scikit-learn.

Run with Debian's Python (it has scikit-learn 1.2 and numpy):

    /usr/bin/python3 scripts/golden/sklearn_golden.py

It writes test/fixtures/sklearn/{metrics,scalers}.json (then formats them with the project's
prettier through npx). The inputs come from a seeded numpy
generator, so running it again gives the same files. The tests read the files and never call
Python. Non-finite floats are written as the strings "NaN", "Infinity", "-Infinity".

Option names are written the way tslab-ml spells them (camelCase), e.g. zeroDivision, posLabel.
"""

import json
import math
import os
import subprocess
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.preprocessing import LabelEncoder, MinMaxScaler, StandardScaler

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "sklearn")


def clean(v):
    """numpy → JSON-ready Python, non-finite floats as strings."""
    if isinstance(v, np.ndarray):
        return [clean(x) for x in v.tolist()]
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, dict):
        return {str(k): clean(x) for k, x in v.items()}
    if isinstance(v, (np.floating, float)):
        f = float(v)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, np.bool_):
        return bool(v)
    return v


def call(fn, *args, **kwargs):
    """Result and the texts of the warnings it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn(*args, **kwargs)
    return value, [str(w.message) for w in caught]


def regression_cases(rng):
    y = rng.normal(10, 3, 50)
    cases = {
        "normal": (y, y + rng.normal(0, 1, 50)),
        "negativeAndZeroTruth": (
            np.r_[0.0, -2.5, 0.0, rng.normal(0, 2, 17)],
            np.r_[0.1, -2.0, 0.0, rng.normal(0, 2, 17)],
        ),
        "perfect": (y[:10], y[:10].copy()),
        "constantTruthPerfect": (np.full(6, 4.0), np.full(6, 4.0)),
        "constantTruthWrong": (np.full(6, 4.0), np.array([4.0, 4.5, 3.0, 4.0, 5.0, 4.0])),
        "worseThanMean": (np.array([1.0, 2.0, 3.0, 4.0]), np.array([4.0, 3.0, 2.0, 1.0])),
        "singleSample": (np.array([3.0]), np.array([2.0])),
    }
    out = []
    for name, (t, p) in cases.items():
        row = {"name": name, "yTrue": t, "yPred": p}
        for key, fn, kw in [
            ("meanSquaredError", metrics.mean_squared_error, {}),
            ("rootMeanSquaredError", metrics.mean_squared_error, {"squared": False}),
            ("meanAbsoluteError", metrics.mean_absolute_error, {}),
            ("meanAbsolutePercentageError", metrics.mean_absolute_percentage_error, {}),
            ("r2Score", metrics.r2_score, {}),
        ]:
            value, warned = call(fn, t, p, **kw)
            row[key] = {"value": value, "warnings": warned}
        out.append(row)
    return out


def flip(rng, y, rate, classes):
    y = y.copy()
    idx = rng.random(len(y)) < rate
    y[idx] = rng.choice(classes, idx.sum())
    return y


def classification_cases(rng):
    yb = rng.integers(0, 2, 60)
    ym = rng.integers(0, 3, 80)
    yi = np.r_[np.zeros(20, int), np.ones(5, int), np.full(3, 2)]
    cases = {
        "binary": (yb, flip(rng, yb, 0.3, [0, 1])),
        "binaryMinusOne": (2 * yb[:30] - 1, 2 * flip(rng, yb[:30], 0.4, [0, 1]) - 1),
        "multiclass": (ym, flip(rng, ym, 0.4, [0, 1, 2])),
        "multiclassUnpredicted": (yi, np.r_[np.zeros(22, int), np.ones(6, int)]),
        "predictedNotTrue": (np.array([0, 0, 1, 1, 0]), np.array([0, 2, 1, 1, 2])),
        "allNegative": (np.zeros(8, int), np.zeros(8, int)),
        "noPredictedPositive": (np.array([0, 1, 1, 0, 1]), np.zeros(5, int)),
        "perfect": (ym[:20], ym[:20].copy()),
    }
    out = []
    for name, (t, p) in cases.items():
        present = sorted(set(t.tolist()) | set(p.tolist()))
        binary = len(present) <= 2
        row = {"name": name, "yTrue": t, "yPred": p, "calls": []}

        def add(fn_name, fn, options, **kw):
            value, warned = call(fn, t, p, **kw)
            row["calls"].append(
                {"fn": fn_name, "options": options, "value": value, "warnings": warned}
            )

        add("accuracyScore", metrics.accuracy_score, {})
        add("accuracyScore", metrics.accuracy_score, {"normalize": False}, normalize=False)
        averages = (["binary"] if binary else []) + ["macro", "micro", "weighted", None]
        for fn_name, fn in [
            ("precisionScore", metrics.precision_score),
            ("recallScore", metrics.recall_score),
            ("f1Score", metrics.f1_score),
        ]:
            for average in averages:
                for zd in ["warn", 0, 1]:
                    opts = {"average": average}
                    if zd != "warn":
                        opts["zeroDivision"] = zd
                    pos = {}
                    if average == "binary" and name == "binaryMinusOne":
                        pos = {"pos_label": -1}
                        opts["posLabel"] = -1
                    add(fn_name, fn, opts, average=average, zero_division=zd, **pos)
            if not binary:
                labels = present[:2]
                add(fn_name, fn, {"average": "macro", "labels": labels}, average="macro",
                    labels=labels)
        for normalize in [None, "true", "pred", "all"]:
            add("confusionMatrix", metrics.confusion_matrix,
                {} if normalize is None else {"normalize": normalize}, normalize=normalize)
        labels = list(reversed(present))[:2]
        add("confusionMatrix", metrics.confusion_matrix, {"labels": labels}, labels=labels)
        for digits in [2, 3]:
            add("classificationReport", metrics.classification_report,
                {"digits": digits}, digits=digits)
        add("classificationReport", metrics.classification_report, {"outputDict": True},
            output_dict=True)
        if not binary:  # a subset of labels: "micro avg" replaces "accuracy"
            add("classificationReport", metrics.classification_report,
                {"labels": present[:2]}, labels=present[:2])
        names = ["class " + chr(65 + i) for i in range(len(present))]
        add("classificationReport", metrics.classification_report, {"targetNames": names},
            target_names=names)
        out.append(row)
    return out


def roc_cases(rng):
    y = rng.integers(0, 2, 40)
    ties = np.round(np.clip(0.5 * y + rng.random(40) * 0.6, 0, 1), 1)
    smooth = np.clip(0.3 * y + rng.random(40) * 0.7, 0, 1)
    cases = {
        "ties": (y, ties, {}),
        "smooth": (y, smooth, {}),
        "smoothAllPoints": (y, smooth, {"dropIntermediate": False}),
        "minusOnePlusOne": (2 * y - 1, ties, {}),
        "posLabelTwo": (y + 1, smooth, {"posLabel": 2}),
        "allTied": (y[:10], np.full(10, 0.5), {}),
        "perfect": (y, y * 0.5 + 0.25, {}),
        "inverted": (y, 1 - smooth, {}),
    }
    out = []
    for name, (t, s, opts) in cases.items():
        kw = {}
        if "dropIntermediate" in opts:
            kw["drop_intermediate"] = opts["dropIntermediate"]
        if "posLabel" in opts:
            kw["pos_label"] = opts["posLabel"]
        (fpr, tpr, thr), warned = call(metrics.roc_curve, t, s, **kw)
        row = {"name": name, "yTrue": t, "yScore": s, "options": opts,
               "fpr": fpr, "tpr": tpr, "thresholds": thr, "warnings": warned}
        if "posLabel" not in opts:
            row["rocAucScore"] = metrics.roc_auc_score(t, s)
        out.append(row)
    return out


def scaler_state(s):
    names = {
        "data_min_": "dataMin", "data_max_": "dataMax", "data_range_": "dataRange",
        "scale_": "scale", "min_": "min", "mean_": "mean", "var_": "var",
        "n_samples_seen_": "nSamplesSeen", "n_features_in_": "nFeaturesIn",
    }
    return {camel: getattr(s, attr, None) for attr, camel in names.items() if hasattr(s, attr)}


def scaler_cases(rng):
    base = rng.normal(size=(30, 6)) * [1, 10, 100, 0.01, 3, 1e-6] + [0, -5, 1000, 0.5, 2, 1e9]
    base[:, 2] = 7.0  # constant column
    base[:, 4] = 0.1  # constant, but its float mean is not exactly 0.1
    # column 5: variance ~1e-12 is below float64 noise at 1e9, so StandardScaler calls it constant
    new = rng.normal(size=(8, 6)) * [2, 20, 100, 0.02, 3, 1e-6] + [0, -5, 1000, 0.5, 2, 1e9]
    with_nan = base.copy()
    with_nan[[1, 4, 9], 0] = np.nan
    with_nan[[2], 3] = np.nan
    new_nan = new.copy()
    new_nan[0, 1] = np.nan
    cases = [
        ("MinMaxScaler", {}, base, new),
        ("MinMaxScaler", {"featureRange": [-1, 1]}, base, new),
        ("MinMaxScaler", {"clip": True}, base, new),
        ("MinMaxScaler", {}, with_nan, new_nan),
        ("StandardScaler", {}, base, new),
        ("StandardScaler", {"withMean": False}, base, new),
        ("StandardScaler", {"withStd": False}, base, new),
        ("StandardScaler", {"withMean": False, "withStd": False}, base, new),
        ("StandardScaler", {}, with_nan, new_nan),
    ]
    out = []
    for cls, opts, x, x_new in cases:
        kw = {
            "featureRange": ("feature_range", lambda v: tuple(v)),
            "clip": ("clip", lambda v: v),
            "withMean": ("with_mean", lambda v: v),
            "withStd": ("with_std", lambda v: v),
        }
        args = {kw[k][0]: kw[k][1](v) for k, v in opts.items()}
        s = (MinMaxScaler if cls == "MinMaxScaler" else StandardScaler)(**args)
        fitted, warned = call(s.fit_transform, x)
        out.append({
            "scaler": cls, "options": opts, "X": x, "XNew": x_new,
            "fitTransform": fitted, "transformNew": s.transform(x_new),
            "inverseNew": s.inverse_transform(x_new), "state": scaler_state(s),
            "warnings": warned,
        })
    return out


def label_encoder_cases():
    out = []
    for y, unseen in [
        (["paris", "tokyo", "amsterdam", "paris", "Berlin"], "rome"),
        ([3, 1, 2, 3, 10, -4], 7),
    ]:
        le = LabelEncoder().fit(y)
        try:
            le.transform([unseen])
            message = None
        except ValueError as e:
            message = str(e)
        out.append({"y": y, "classes": le.classes_, "transform": le.transform(y),
                    "unseen": unseen, "unseenMessage": message})
    return out


def main():
    rng = np.random.default_rng(20240601)
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__,
            "script": "scripts/golden/sklearn_golden.py"}
    fixtures = {
        "metrics.json": {"meta": meta, "regression": regression_cases(rng),
                         "classification": classification_cases(rng), "roc": roc_cases(rng)},
        "scalers.json": {"meta": meta, "scalers": scaler_cases(rng),
                         "labelEncoder": label_encoder_cases()},
    }
    os.makedirs(OUT, exist_ok=True)
    paths = []
    for file, content in fixtures.items():
        path = os.path.normpath(os.path.join(OUT, file))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(clean(content), f, indent=1, allow_nan=False)
            f.write("\n")
        paths.append(path)
        print("wrote", path)
    # The repository's style check covers JSON too: format with the project's prettier.
    subprocess.run(["npx", "prettier", "--write", *paths], cwd=os.path.join(OUT, "..", "..", ".."),
                   check=True)


if __name__ == "__main__":
    main()
