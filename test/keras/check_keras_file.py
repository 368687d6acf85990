#!/usr/bin/python3
"""Independent checker for Keras 3 `.keras` and `.weights.h5` files written by tslab-ml.

Why: our TypeScript writer (src/keras/saving/kerasFile) builds the zip, the config.json and the
HDF5 weights itself (through h5wasm). Reading those files back with the same code would only
prove that writer and reader agree with each other. This script re-derives what Python Keras 3
expects with a different implementation -- Python's zipfile and json and h5py (the HDF5 C
library) -- so a test can check that the files are what Keras itself would read. It needs only
numpy and h5py (Debian's /usr/bin/python3), not Keras or TensorFlow.

Usage:
    /usr/bin/python3 test/keras/check_keras_file.py PATH [--config CONFIG_JSON]

PATH is a `.keras` zip (members metadata.json, config.json, model.weights.h5) or a
`.weights.h5` file; for the latter `--config` gives the config.json whose architecture the
weights must fit. With a `.keras` file, `--config` (if given) replaces the embedded config.json
as the architecture the weights are checked against (the embedded one is still checked).

It prints one JSON object on stdout and exits 0 when every check passes, 1 otherwise:
    {"ok": bool, "errors": [str, ...],
     "members": [zip member names in order], "metadata": {...},
     "groups": [every h5 group path], "datasets": {"layers/dense/vars/0": [4, 8], ...},
     "expected": {"layers/dense/vars/0": [4, 8], ...}}

What it checks (each failure adds a message to "errors"):
  * zip: opens with zipfile, CRCs are good, the members are exactly metadata.json, config.json
    and model.weights.h5 (none missing, no others, no duplicates); metadata.json has a
    keras_version starting with "3." and date_saved as YYYY-MM-DD@HH:MM:SS.
  * config.json: top level has module, class_name, config, registered_name; class_name is
    "Sequential" (module "keras") or "Functional"; every layer entry has module "keras.layers",
    class_name, config with a name, and a registered_name key; every non-InputLayer entry has
    build_config.input_shape; a Sequential starts with an InputLayer whose batch_shape starts
    with null; Functional entries have name and Keras 3 inbound_nodes
    ({"args": [...], "kwargs": {...}} with "__keras_tensor__" tensors carrying shape, dtype and
    keras_history [layer, node, index] that name an existing layer), and the model config has
    input_layers and output_layers naming existing layers. Shapes must flow: each layer's
    build_config.input_shape must equal the output shape of what feeds it (the previous layer
    in a Sequential; the tensors of its inbound node in a Functional, whose recorded shapes must
    also equal their source layer's output). compile_config, when present, has an optimizer
    ({module "keras.optimizers", class_name, config.learning_rate}), loss and metrics.
  * weights: the expected datasets come from config.json alone, laid out as Keras 3's saving
    library does: layers in config order (a Sequential's InputLayer is skipped; a Functional's
    InputLayers count and have no variables), each at `layers/<snake_case(class)>` with a
    counter per class (`dense`, `dense_1`, ...), variables at `<group>/vars/<i>` or, for
    SimpleRNN / LSTM / GRU, `<group>/cell/vars/<i>`, with shapes from the layer config and its
    build_config.input_shape. model.weights.h5 must hold every expected dataset with exactly
    that shape and dtype float32, no other dataset under `layers/`, the groups Keras creates
    (`layers/<g>`, `<g>/vars`, `<g>/cell`, `<g>/cell/vars`, top-level `vars`), and only finite
    values in every numeric dataset (optimizer state included). A layer class this script
    does not know is an error naming the class.
"""
import argparse
import datetime
import io
import json
import math
import os
import re
import sys
import zipfile

import h5py
import numpy as np

REQUIRED_MEMBERS = ["metadata.json", "config.json", "model.weights.h5"]
RECURRENT = ("SimpleRNN", "LSTM", "GRU")
KNOWN = ("InputLayer", "Dense", "Dropout", "Flatten", "Activation", "BatchNormalization",
         "Concatenate") + RECURRENT
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}@\d{2}:\d{2}:\d{2}$")


def to_snake_case(name):
    """Keras's keras.src.utils.naming.to_snake_case."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
    return name


def obj(entry, key):
    """entry[key] when it is a JSON object, else {} (malformed input is reported elsewhere)."""
    value = entry.get(key)
    return value if isinstance(value, dict) else {}


def shape_text(shape):
    if shape is None:
        return "None"
    return json.dumps(list(shape))


def is_shape(s):
    return isinstance(s, list) and all(d is None or (isinstance(d, int) and not isinstance(d, bool)
                                                     and d >= 0) for d in s)


def is_shape_list(s):
    return isinstance(s, list) and len(s) > 0 and all(is_shape(x) for x in s)


class Checker:
    def __init__(self):
        self.errors = []
        self.members = []
        self.metadata = {}
        self.groups = []
        self.datasets = {}
        self.expected = {}
        self.expected_groups = []
        self.unknown_groups = []  # layer groups whose variables cannot be predicted

    def err(self, msg):
        self.errors.append(msg)

    # ------------------------------------------------------------------ zip and metadata
    def check_zip(self, path):
        """Returns (config dict or None, h5 bytes or None)."""
        try:
            z = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as e:
            self.err(f"{path}: not a readable zip file ({e})")
            return None, None
        with z:
            self.members = z.namelist()
            try:
                bad = z.testzip()
                if bad is not None:
                    self.err(f"zip member {bad} is corrupt (CRC check failed)")
            except Exception as e:  # noqa: BLE001 - report anything zipfile raises
                self.err(f"zip members cannot be read ({e})")
            for m in REQUIRED_MEMBERS:
                n = self.members.count(m)
                if n == 0:
                    self.err(f"zip member {m} is missing (members: {self.members})")
                elif n > 1:
                    self.err(f"zip member {m} appears {n} times")
            extra = [m for m in self.members if m not in REQUIRED_MEMBERS]
            if extra:
                self.err(f"zip has unexpected members {extra}; a .keras file holds exactly "
                         f"{REQUIRED_MEMBERS}")

            def read(name):
                if name not in self.members:
                    return None
                try:
                    return z.read(name)
                except Exception as e:  # noqa: BLE001
                    self.err(f"zip member {name} cannot be read ({e})")
                    return None

            meta_bytes = read("metadata.json")
            config_bytes = read("config.json")
            h5_bytes = read("model.weights.h5")

        if meta_bytes is not None:
            meta = self.parse_json(meta_bytes, "metadata.json")
            if meta is not None:
                self.check_metadata(meta)
        config = None
        if config_bytes is not None:
            config = self.parse_json(config_bytes, "config.json")
        return config, h5_bytes

    def parse_json(self, data, what):
        try:
            value = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
        except (UnicodeDecodeError, ValueError) as e:
            self.err(f"{what} is not valid JSON ({e})")
            return None
        if not isinstance(value, dict):
            self.err(f"{what} must be a JSON object, got {type(value).__name__}")
            return None
        return value

    def check_metadata(self, meta):
        self.metadata = meta
        version = meta.get("keras_version")
        if not isinstance(version, str):
            self.err(f"metadata.json: keras_version missing or not a string ({version!r})")
        elif not version.startswith("3."):
            self.err(f"metadata.json: keras_version {version!r} does not start with \"3.\"")
        date = meta.get("date_saved")
        if not isinstance(date, str):
            self.err(f"metadata.json: date_saved missing or not a string ({date!r})")
        elif not DATE_RE.match(date):
            self.err(f"metadata.json: date_saved {date!r} is not of the form YYYY-MM-DD@HH:MM:SS")
        else:
            try:
                datetime.datetime.strptime(date, "%Y-%m-%d@%H:%M:%S")
            except ValueError:
                self.err(f"metadata.json: date_saved {date!r} is not a real date and time")

    # ------------------------------------------------------------------ config.json
    def check_config(self, cfg, what="config.json"):
        """Structural checks; returns the list of layer entries (possibly empty)."""
        for key in ("module", "class_name", "config", "registered_name"):
            if key not in cfg:
                self.err(f"{what}: top level has no {key!r}")
        cls = cfg.get("class_name")
        if cls == "Sequential":
            if cfg.get("module") != "keras":
                self.err(f"{what}: Sequential has module {cfg.get('module')!r}, expected \"keras\"")
        elif cls != "Functional":
            self.err(f"{what}: class_name {cls!r} is neither \"Sequential\" nor \"Functional\"")
        mcfg = cfg.get("config")
        if not isinstance(mcfg, dict):
            self.err(f"{what}: config is not an object")
            return cls, []
        layers = mcfg.get("layers")
        if not isinstance(layers, list) or not layers:
            self.err(f"{what}: config.layers is missing or empty")
            return cls, []
        ok_layers = []
        for i, entry in enumerate(layers):
            if not isinstance(entry, dict):
                self.err(f"{what}: layers[{i}] is not an object")
                continue
            lc = entry.get("class_name")
            label = f"{what}: layers[{i}]"
            if not isinstance(lc, str):
                self.err(f"{label} has no class_name")
                continue
            lcfg = entry.get("config")
            name = lcfg.get("name") if isinstance(lcfg, dict) else None
            label = f"{what}: layers[{i}] ({lc} {name!r})"
            if entry.get("module") != "keras.layers":
                self.err(f"{label} has module {entry.get('module')!r}, expected \"keras.layers\"")
            if not isinstance(lcfg, dict):
                self.err(f"{label} has no config object")
            elif not isinstance(name, str) or not name:
                self.err(f"{label} has no config.name")
            if "registered_name" not in entry:
                self.err(f"{label} has no registered_name key")
            if lc != "InputLayer":
                bc = entry.get("build_config")
                if not isinstance(bc, dict) or "input_shape" not in bc:
                    self.err(f"{label} has no build_config.input_shape")
                elif not (is_shape(bc["input_shape"]) or is_shape_list(bc["input_shape"])):
                    self.err(f"{label}: build_config.input_shape {bc['input_shape']!r} is not a "
                             f"shape (list of ints / nulls) or list of shapes")
            if lc not in KNOWN:
                self.err(f"{label}: unknown layer class {lc!r} (known: {', '.join(KNOWN)})")
            ok_layers.append(entry)
        if cls == "Sequential":
            self.check_sequential(layers, what)
        elif cls == "Functional":
            self.check_functional(mcfg, layers, what)
        if "compile_config" in cfg and cfg["compile_config"] is not None:
            self.check_compile(cfg["compile_config"], what)
        return cls, ok_layers

    def check_sequential(self, layers, what):
        first = layers[0] if isinstance(layers[0], dict) else {}
        if first.get("class_name") != "InputLayer":
            self.err(f"{what}: the first Sequential layer is {first.get('class_name')!r}, "
                     f"expected an InputLayer")
            return
        bs = obj(first, "config").get("batch_shape")
        if not is_shape(bs) or not bs or bs[0] is not None:
            self.err(f"{what}: the InputLayer's config.batch_shape {bs!r} must be a shape "
                     f"starting with null")
            return
        for i, entry in enumerate(layers[1:], start=1):
            if isinstance(entry, dict) and entry.get("class_name") == "InputLayer":
                self.err(f"{what}: layers[{i}] is an InputLayer; a Sequential has one, first")
        # Shapes must flow from each layer into the next.
        current = bs
        for i, entry in enumerate(layers[1:], start=1):
            if not isinstance(entry, dict) or current is None:
                return
            name = obj(entry, "config").get("name")
            got = obj(entry, "build_config").get("input_shape")
            if got is not None and got != current:
                self.err(f"{what}: layers[{i}] ({entry.get('class_name')} {name!r}) has "
                         f"build_config.input_shape {shape_text(got)} but the layer before it "
                         f"outputs {shape_text(current)}")
            outs = self.output_shapes(entry, got if got is not None else current)
            current = outs[0] if outs else None

    def check_functional(self, mcfg, layers, what):
        names = {}
        for i, entry in enumerate(layers):
            if not isinstance(entry, dict):
                continue
            lcfg = entry.get("config") if isinstance(entry.get("config"), dict) else {}
            label = f"{what}: layers[{i}] ({entry.get('class_name')} {lcfg.get('name')!r})"
            name = entry.get("name")
            if not isinstance(name, str):
                self.err(f"{label} has no name (Functional layer entries need one)")
                continue
            if lcfg.get("name") is not None and name != lcfg.get("name"):
                self.err(f"{label}: name {name!r} differs from config.name {lcfg.get('name')!r}")
            if name in names:
                self.err(f"{label}: layer name {name!r} is used twice")
            names[name] = entry
        # Output shapes per (layer name, node index): a list (one per output tensor).
        outputs = {}
        seen = set()
        for i, entry in enumerate(layers):
            if not isinstance(entry, dict):
                continue
            lc = entry.get("class_name")
            name = entry.get("name")
            seen.add(name)
            label = f"{what}: layers[{i}] ({lc} {name!r})"
            nodes = entry.get("inbound_nodes")
            if not isinstance(nodes, list):
                self.err(f"{label} has no inbound_nodes list")
                continue
            if lc == "InputLayer":
                if nodes:
                    self.err(f"{label}: an InputLayer has inbound_nodes {nodes!r}, expected []")
                bs = obj(entry, "config").get("batch_shape")
                if not is_shape(bs) or not bs or bs[0] is not None:
                    self.err(f"{label}: config.batch_shape {bs!r} must be a shape starting "
                             f"with null")
                else:
                    outputs[(name, 0)] = [bs]
                continue
            if not nodes:
                self.err(f"{label} has no inbound nodes (it is not connected)")
            for k, node in enumerate(nodes):
                nlabel = f"{label} inbound_nodes[{k}]"
                if (not isinstance(node, dict) or not isinstance(node.get("args"), list)
                        or not isinstance(node.get("kwargs"), dict)):
                    self.err(f"{nlabel} is not Keras 3 form {{\"args\": [...], \"kwargs\": {{...}}}}"
                             f": {json.dumps(node)[:200]}")
                    continue
                tensors = []
                self.collect_tensors(node["args"], tensors, nlabel)
                self.collect_tensors(node["kwargs"], tensors, nlabel)
                if not tensors:
                    self.err(f"{nlabel} has no __keras_tensor__ argument")
                    continue
                shapes = []
                for t in tensors:
                    hist = t["config"]["keras_history"]
                    src, sn, si = hist
                    if src not in names:
                        self.err(f"{nlabel}: keras_history {hist!r} names no layer of the model")
                        shapes.append(t["config"]["shape"])
                        continue
                    produced = outputs.get((src, sn))
                    if produced is not None:
                        if si >= len(produced):
                            self.err(f"{nlabel}: keras_history {hist!r} asks for output {si} of "
                                     f"{src!r}, which has {len(produced)}")
                        elif t["config"]["shape"] != produced[si]:
                            self.err(f"{nlabel}: tensor from {src!r} has shape "
                                     f"{shape_text(t['config']['shape'])} but {src!r} outputs "
                                     f"{shape_text(produced[si])}")
                    elif src not in seen:
                        self.err(f"{nlabel}: keras_history {hist!r} refers to {src!r}, which "
                                 f"comes later in config.layers (Keras lists layers in "
                                 f"topological order)")
                    elif names[src].get("class_name") == "InputLayer" and sn != 0:
                        self.err(f"{nlabel}: keras_history {hist!r} asks for node {sn} of an "
                                 f"InputLayer, which has only node 0")
                    shapes.append(t["config"]["shape"])
                fed = shapes[0] if len(shapes) == 1 else shapes
                got = obj(entry, "build_config").get("input_shape")
                if k == 0 and got is not None and got != fed:
                    self.err(f"{label}: build_config.input_shape {shape_text(got)} differs from "
                             f"the shapes of its inbound tensors {shape_text(fed)}")
                outs = self.output_shapes(entry, fed)
                if outs is not None:
                    outputs[(name, k)] = outs
        for key in ("input_layers", "output_layers"):
            if key not in mcfg:
                self.err(f"{what}: Functional config has no {key}")
                continue
            triples = mcfg[key]
            if (isinstance(triples, list) and len(triples) == 3 and isinstance(triples[0], str)):
                triples = [triples]  # Keras writes a single triple for one input / output
            if not isinstance(triples, list) or not triples:
                self.err(f"{what}: {key} {triples!r} is not a list of [name, node, index]")
                continue
            for t in triples:
                if not (isinstance(t, list) and len(t) == 3 and isinstance(t[0], str)
                        and isinstance(t[1], int) and isinstance(t[2], int)):
                    self.err(f"{what}: {key} entry {t!r} is not [name, node, index]")
                elif t[0] not in names:
                    self.err(f"{what}: {key} entry {t!r} names no layer of the model")
                elif key == "input_layers" and names[t[0]].get("class_name") != "InputLayer":
                    self.err(f"{what}: input_layers entry {t!r} is not an InputLayer")

    def collect_tensors(self, value, out, label):
        if isinstance(value, dict):
            if value.get("class_name") == "__keras_tensor__":
                c = value.get("config")
                hist = c.get("keras_history") if isinstance(c, dict) else None
                if (not isinstance(c, dict) or not is_shape(c.get("shape"))
                        or not isinstance(c.get("dtype"), str)
                        or not (isinstance(hist, list) and len(hist) == 3
                                and isinstance(hist[0], str) and isinstance(hist[1], int)
                                and isinstance(hist[2], int))):
                    self.err(f"{label}: __keras_tensor__ needs config.shape, config.dtype and "
                             f"config.keras_history [name, node, index]: "
                             f"{json.dumps(value)[:200]}")
                else:
                    out.append(value)
                return
            for v in value.values():
                self.collect_tensors(v, out, label)
        elif isinstance(value, list):
            for v in value:
                self.collect_tensors(v, out, label)

    def check_compile(self, cc, what):
        if not isinstance(cc, dict):
            self.err(f"{what}: compile_config is not an object")
            return
        for key in ("optimizer", "loss", "metrics"):
            if key not in cc:
                self.err(f"{what}: compile_config has no {key!r}")
        opt = cc.get("optimizer")
        if "optimizer" not in cc:
            return
        if not isinstance(opt, dict):
            self.err(f"{what}: compile_config.optimizer must be a serialised object, got {opt!r}")
            return
        if opt.get("module") != "keras.optimizers":
            self.err(f"{what}: compile_config.optimizer.module is {opt.get('module')!r}, "
                     f"expected \"keras.optimizers\"")
        if not isinstance(opt.get("class_name"), str):
            self.err(f"{what}: compile_config.optimizer has no class_name")
        oc = opt.get("config")
        if not isinstance(oc, dict):
            self.err(f"{what}: compile_config.optimizer has no config object")
        elif "learning_rate" not in oc:
            self.err(f"{what}: compile_config.optimizer.config has no learning_rate")
        else:
            lr = oc["learning_rate"]
            if not (isinstance(lr, dict) or (isinstance(lr, (int, float))
                                             and not isinstance(lr, bool) and math.isfinite(lr))):
                self.err(f"{what}: compile_config.optimizer.config.learning_rate {lr!r} is "
                         f"neither a finite number nor a serialised schedule")

    # ------------------------------------------------------------------ shapes
    def output_shapes(self, entry, in_shape):
        """Output shapes (list) of a layer for input shape(s) in_shape, or None if unknown."""
        lc = entry.get("class_name")
        c = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        try:
            if lc in ("Dropout", "Activation", "BatchNormalization"):
                return [list(in_shape)] if is_shape(in_shape) else None
            if lc == "Dense":
                return [list(in_shape[:-1]) + [c["units"]]]
            if lc == "Flatten":
                rest = in_shape[1:]
                size = None if any(d is None for d in rest) else int(np.prod(rest, dtype=np.int64))
                return [[in_shape[0], size]]
            if lc in RECURRENT:
                u = c["units"]
                b = in_shape[0]
                out = [b, in_shape[1], u] if c.get("return_sequences") else [b, u]
                if c.get("return_state"):
                    states = 2 if lc == "LSTM" else 1
                    return [out] + [[b, u]] * states
                return [out]
            if lc == "Concatenate":
                if not is_shape_list(in_shape):
                    return None
                axis = c.get("axis", -1)
                rank = len(in_shape[0])
                ax = axis % rank
                res = list(in_shape[0])
                dims = [s[ax] for s in in_shape]
                res[ax] = None if any(d is None for d in dims) else sum(dims)
                return [res]
        except (KeyError, TypeError, IndexError, ValueError, ZeroDivisionError):
            return None
        return None

    def layer_variables(self, entry, label):
        """[(var name, shape)] of a layer from its config and build_config, or None."""
        lc = entry["class_name"]
        c = entry.get("config") if isinstance(entry.get("config"), dict) else {}
        if lc in ("InputLayer", "Dropout", "Flatten", "Activation", "Concatenate"):
            return []
        shape = obj(entry, "build_config").get("input_shape")
        if not is_shape(shape) or not shape:
            self.err(f"{label}: cannot compute its weight shapes without a build_config."
                     f"input_shape (got {shape!r})")
            return None

        def dim(value, what):
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"{what} is {value!r}, not a positive integer")
            return value

        try:
            if lc == "Dense":
                if c.get("lora_rank"):
                    raise ValueError("lora_rank is set (LoRA weights are not handled here)")
                u = dim(c.get("units"), "config.units")
                fin = dim(shape[-1], "the last input dimension")
                out = [("kernel", [fin, u])]
                if c.get("use_bias", True):
                    out.append(("bias", [u]))
                return out
            if lc == "BatchNormalization":
                axis = c.get("axis", -1)
                if isinstance(axis, list):
                    if len(axis) != 1:
                        raise ValueError(f"config.axis {axis!r} has more than one axis")
                    axis = axis[0]
                if not isinstance(axis, int) or not -len(shape) <= axis < len(shape):
                    raise ValueError(f"config.axis {axis!r} is out of range for input "
                                     f"{shape_text(shape)}")
                f = dim(shape[axis], f"input dimension {axis}")
                out = []
                if c.get("scale", True):
                    out.append(("gamma", [f]))
                if c.get("center", True):
                    out.append(("beta", [f]))
                out += [("moving_mean", [f]), ("moving_variance", [f])]
                return out
            if lc in RECURRENT:
                if len(shape) != 3:
                    raise ValueError(f"input shape {shape_text(shape)} is not "
                                     f"[batch, time, features]")
                u = dim(c.get("units"), "config.units")
                fin = dim(shape[-1], "the feature dimension")
                g = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}[lc]
                out = [("kernel", [fin, g * u]), ("recurrent_kernel", [u, g * u])]
                if c.get("use_bias", True):
                    if lc == "GRU" and c.get("reset_after", True):
                        out.append(("bias", [2, 3 * u]))
                    else:
                        out.append(("bias", [g * u]))
                return out
        except ValueError as e:
            self.err(f"{label}: cannot compute its weight shapes: {e}")
            return None
        return None

    def compute_expected(self, cls, layers, what):
        if cls == "Sequential":
            layers = layers[1:] if layers and layers[0].get("class_name") == "InputLayer" \
                else layers
        used = {}
        self.expected_groups = ["layers"]
        for entry in layers:
            lc = entry["class_name"]
            name = obj(entry, "config").get("name")
            base = to_snake_case(lc)
            if base in used:
                used[base] += 1
                group = f"layers/{base}_{used[base]}"
            else:
                used[base] = 0
                group = f"layers/{base}"
            label = f"{what}: layer {name!r} ({lc}, stored as {group})"
            if lc in RECURRENT:
                vars_group = f"{group}/cell/vars"
                self.expected_groups += [group, f"{group}/vars", f"{group}/cell", vars_group]
            else:
                vars_group = f"{group}/vars"
                self.expected_groups += [group, vars_group]
            if lc not in KNOWN:
                self.unknown_groups.append(group)  # already reported as an unknown class
                continue
            variables = self.layer_variables(entry, label)
            if variables is None:
                self.unknown_groups.append(group)  # its shapes could not be computed
            for k, (_, shape) in enumerate(variables or []):
                self.expected[f"{vars_group}/{k}"] = shape
        self.expected_groups.append("vars")

    # ------------------------------------------------------------------ weights file
    def check_h5(self, source, what, have_expected):
        try:
            f = h5py.File(source, "r")
        except Exception as e:  # noqa: BLE001 - any h5py failure means unreadable
            self.err(f"{what} is not a readable HDF5 file ({e})")
            return
        with f:
            found = {}

            def visit(name, obj):
                if isinstance(obj, h5py.Group):
                    self.groups.append(name)
                elif isinstance(obj, h5py.Dataset):
                    found[name] = obj
                    self.datasets[name] = [int(d) for d in obj.shape] if obj.shape is not None \
                        else None

            try:
                f.visititems(visit)
            except Exception as e:  # noqa: BLE001
                self.err(f"{what}: cannot walk the HDF5 tree ({e})")
                return
            if "vars" not in f or not isinstance(f["vars"], h5py.Group):
                self.err(f"{what}: the top-level group 'vars' is missing")
            if have_expected:
                def unknown(p):
                    return any(p == g or p.startswith(g + "/") for g in self.unknown_groups)

                for g in self.expected_groups:
                    if g == "vars" or unknown(g):
                        continue
                    if g not in self.groups:
                        self.err(f"{what}: group {g} is missing (Keras writes it for the "
                                 f"layers in config.json)")
                for p, shape in self.expected.items():
                    d = found.get(p)
                    if d is None:
                        self.err(f"{what}: dataset {p} is missing (expected shape "
                                 f"{shape_text(shape)}, float32)")
                        continue
                    if self.datasets[p] != shape:
                        self.err(f"{what}: dataset {p} has shape {shape_text(self.datasets[p])}, "
                                 f"expected {shape_text(shape)}")
                    if d.dtype != np.dtype("float32"):
                        self.err(f"{what}: dataset {p} has dtype {d.dtype}, expected float32")
                for p in found:
                    if p.startswith("layers/") and p not in self.expected and not unknown(p):
                        self.err(f"{what}: dataset {p} (shape {shape_text(self.datasets[p])}) is "
                                 f"not expected from config.json")
            for p, d in found.items():
                if d.dtype.kind not in "fiucb":
                    if p.startswith("layers/"):
                        self.err(f"{what}: dataset {p} has non-numeric dtype {d.dtype}")
                    continue
                try:
                    values = d[()]
                except Exception as e:  # noqa: BLE001
                    self.err(f"{what}: dataset {p} cannot be read ({e})")
                    continue
                if d.dtype.kind in "fc":
                    bad = int(np.size(values) - np.count_nonzero(np.isfinite(values)))
                    if bad:
                        self.err(f"{what}: dataset {p} has {bad} non-finite value(s) "
                                 f"(NaN or infinity)")

    # ------------------------------------------------------------------ driver
    def run(self, path, config_path):
        if not os.path.isfile(path):
            self.err(f"{path} does not exist or is not a file")
            return
        cls, layers, what, cfg = None, [], "config.json", None
        if zipfile.is_zipfile(path):
            embedded, h5_bytes = self.check_zip(path)
            if embedded is not None:
                cfg = embedded
                cls, layers = self.check_config(embedded, "config.json")
            if config_path is not None:
                cfg = self.load_config_file(config_path)
                what = config_path
                if cfg is not None:
                    cls, layers = self.check_config(cfg, config_path)
            h5_source = io.BytesIO(h5_bytes) if h5_bytes is not None else None
            h5_what = "model.weights.h5"
        elif h5py.is_hdf5(path):
            if config_path is None:
                self.err(f"{path} is a weights file: give --config CONFIG_JSON with the "
                         f"architecture to check it against")
            else:
                cfg = self.load_config_file(config_path)
                what = config_path
                if cfg is not None:
                    cls, layers = self.check_config(cfg, config_path)
            h5_source = path
            h5_what = path
        else:
            self.err(f"{path} is neither a .keras zip nor an HDF5 .weights.h5 file")
            return
        if cls in ("Sequential", "Functional") and layers:
            self.compute_expected(cls, layers, what)
        have_expected = bool(self.expected_groups)
        if h5_source is not None:
            self.check_h5(h5_source, h5_what, have_expected)
        if cfg is not None and not have_expected:
            self.err("the expected weight layout cannot be computed from the config "
                     "(see the errors above)")

    def load_config_file(self, config_path):
        try:
            with open(config_path, "rb") as fh:
                data = fh.read()
        except OSError as e:
            self.err(f"--config {config_path}: cannot be read ({e})")
            return None
        return self.parse_json(data, config_path)

    def report(self):
        return {
            "ok": not self.errors,
            "errors": self.errors,
            "members": self.members,
            "metadata": self.metadata,
            "groups": self.groups,
            "datasets": self.datasets,
            "expected": self.expected,
        }


class _ArgError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise _ArgError(message)


def main(argv):
    parser = _Parser(description="Check a Keras 3 .keras or .weights.h5 file independently.")
    parser.add_argument("path", help="a .keras zip or a .weights.h5 file")
    parser.add_argument("--config", help="config.json giving the architecture (for .weights.h5)")
    checker = Checker()
    try:
        args = parser.parse_args(argv)
    except _ArgError as e:
        checker.err(f"usage: check_keras_file.py PATH [--config CONFIG_JSON] ({e})")
        print(json.dumps(checker.report()))
        return 1
    try:
        checker.run(args.path, args.config)
    except Exception as e:  # noqa: BLE001 - always answer with one JSON object
        checker.err(f"internal error in the checker: {type(e).__name__}: {e}")
    print(json.dumps(checker.report()))
    return 0 if not checker.errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
