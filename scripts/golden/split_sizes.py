"""Golden train/test sizes of scikit-learn's train_test_split, for tslab-ml's trainTestSplit.

Run with Debian's Python (scikit-learn 1.2, numpy):

    /usr/bin/python3 scripts/golden/split_sizes.py

It writes test/fixtures/sklearn/split_sizes.json (then formats it with the project's prettier
through npx). The tests read the file and never call Python.

- "sizes": (n, testSize, trainSize) → (nTrain, nTest), or error: true when sklearn raises.
  Sizes that JavaScript cannot tell apart from an integer (1.0, 2.0) are not used: in JS a whole
  number is always a count.
- "stratified": labels given as per-class counts; "outcomes" lists every distinct per-class
  (train, test) count seen over 300 random states (ties in _approximate_mode are broken at
  random, so a case can have several), or error: true.
- "noShuffleStratify": sklearn refuses stratify with shuffle=False.
"""

import json
import os
import subprocess

import numpy as np
import sklearn
from sklearn.model_selection import train_test_split

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "sklearn")
SEEDS = range(300)


def sizes_case(n, test_size, train_size):
    case = {"n": n, "testSize": test_size, "trainSize": train_size}
    kwargs = {"test_size": test_size, "train_size": train_size, "random_state": 0}
    try:
        train, test = train_test_split(np.arange(n), **kwargs)
    except ValueError as e:
        return {**case, "error": True, "message": str(e)}
    return {**case, "nTrain": len(train), "nTest": len(test)}


def sizes_cases():
    cases = []
    for n in [2, 3, 4, 5, 7, 10, 11, 13, 20, 33, 50, 99, 100, 101, 150, 506, 569, 1000, 1461]:
        for test in [None, 0.1, 0.2, 0.25, 0.3, 1 / 3, 0.33, 0.5, 0.7, 0.9, 0.99, 1, 2, 5, 20, 100]:
            for train in [None, 0.5, 0.6, 0.75, 0.8, 0.1, 3, 10]:
                cases.append(sizes_case(n, test, train))
    # Out of range or malformed values: sklearn raises.
    for test, train in [(0, None), (-1, None), (1.5, None), (-0.2, None), (None, 0), (None, 1.5),
                        (0.6, 0.5), (0.5, 0.5), (0.7, 0.4), (1000, None), (None, 1000)]:
        cases.append(sizes_case(10, test, train))
    return cases


def stratified_case(counts, test_size, train_size=None, names=None):
    names = names if names is not None else list(range(len(counts)))
    y = np.array([names[i] for i, c in enumerate(counts) for _ in range(c)])
    rng = np.random.RandomState(7)
    y = y[rng.permutation(len(y))]  # classes interleaved, as in real data
    case = {"labels": [v.item() for v in y], "testSize": test_size, "trainSize": train_size}
    outcomes = set()
    for seed in SEEDS:
        try:
            _, _, y_train, y_test = train_test_split(
                y, y, test_size=test_size, train_size=train_size, random_state=seed, stratify=y)
        except ValueError as e:
            return {**case, "error": True, "message": str(e)}
        outcomes.add(tuple((int((y_train == c).sum()), int((y_test == c).sum())) for c in names))
    return {
        **case,
        "classes": [v.item() if hasattr(v, "item") else v for v in names],
        "outcomes": [[list(p) for p in o] for o in sorted(outcomes)],
    }


def stratified_cases():
    return [
        stratified_case([212, 357], 0.2),
        stratified_case([212, 357], 0.25),
        stratified_case([50, 50, 50], 0.2),
        stratified_case([50, 30, 20], 0.25),
        stratified_case([3, 3, 3], 4),
        stratified_case([3, 3, 3], 0.5),
        stratified_case([5, 3, 2], 0.3),
        stratified_case([7, 6, 5, 4, 3, 2], 0.4),
        stratified_case([10, 10, 1], 0.3),  # a class of one member
        stratified_case([10, 10, 10], 2),  # test set smaller than the number of classes
        stratified_case([40, 25, 35], 0.2, 0.5),
        stratified_case([4, 4, 4, 4], 0.25, 8),
        stratified_case([30, 20, 10], 0.3, names=["sun", "rain", "fog"]),
        stratified_case([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], 0.2),
    ]


def no_shuffle_stratify():
    y = np.array([0, 1] * 10)
    try:
        train_test_split(y, shuffle=False, stratify=y)
    except ValueError as e:
        return {"error": True, "message": str(e)}
    return {"error": False}


def main():
    data = {
        "sklearn": sklearn.__version__,
        "sizes": sizes_cases(),
        "stratified": stratified_cases(),
        "noShuffleStratify": no_shuffle_stratify(),
    }
    path = os.path.join(OUT, "split_sizes.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    # The repository's style check covers JSON too: format with the project's prettier.
    subprocess.run(["npx", "prettier", "--write", path], cwd=os.path.join(OUT, "..", "..", ".."),
                   check=True)
    print(f"wrote {path}: {len(data['sizes'])} size cases, {len(data['stratified'])} stratified")


if __name__ == "__main__":
    main()
