/**
 * HDF5 weight stores through h5wasm (WebAssembly, no native build): `writeH5` writes groups and
 * float32 / int64 datasets, `readH5` reads every dataset of a file.
 *
 * Behaviour: h5wasm's Node entry is an ES module, so it is loaded once with a real dynamic
 * `import()` (kept out of TypeScript's CommonJS rewrite) and shared. Paths are real files.
 * A file h5wasm cannot open (not HDF5, truncated) gives a ValueError naming `where` and the file.
 *
 * @example
 * await writeH5("w.h5", ["layers", "layers/dense"], [{ path: "layers/dense/0", shape: [2], data: new Float32Array(2) }]);
 * (await readH5("load", "w.h5")).get("layers/dense/0")?.shape; // [2]
 */
import fs from "fs";
import path from "path";
import { pathToFileURL } from "url";
import { ValueError } from "../../../validation/errors";

/** One dataset: a slash path, its shape and its values (row-major). */
export interface H5Dataset {
  path: string;
  shape: number[];
  data: Float32Array | Int32Array | BigInt64Array;
}

interface H5Node {
  type: string;
  shape?: number[] | null;
  dtype?: unknown;
  value?: unknown;
  keys?(): string[];
  get?(name: string): H5Node | null;
}
interface H5File extends H5Node {
  create_group(name: string): unknown;
  create_dataset(args: { name: string; data: unknown; shape: number[]; dtype: string }): unknown;
  close(): void;
}
interface H5Module {
  ready: Promise<unknown>;
  File: new (path: string, mode: string) => H5File;
}

// A real import() from CommonJS: `new Function` keeps tsc from turning it into require().
const dynamicImport = new Function("s", "return import(s)") as (s: string) => Promise<unknown>;
let loading: Promise<H5Module> | null = null;

/** The file URL of h5wasm's Node entry (its package exports only an `import` condition). */
function h5wasmEntry(): string {
  for (const dir of require.resolve.paths("h5wasm") ?? []) {
    const file = path.join(dir, "h5wasm", "dist", "node", "hdf5_hl.js");
    if (fs.existsSync(file)) return pathToFileURL(file).href;
  }
  throw new Error("the h5wasm package is not installed (npm install h5wasm)");
}

/** The h5wasm module, initialised once. */
export function h5wasm(): Promise<H5Module> {
  if (!loading) {
    loading = (async () => {
      const mod = (await dynamicImport(h5wasmEntry())) as { default?: H5Module } & H5Module;
      const h5 = mod.default ?? mod;
      await h5.ready;
      return h5;
    })();
    loading.catch(() => (loading = null));
  }
  return loading;
}

const DTYPES: Record<string, string> = {
  Float32Array: "<f",
  Int32Array: "<i",
  BigInt64Array: "<q",
};

/** Writes `groups` (in order, parents first) and `datasets` to a new HDF5 file at `file`. */
export async function writeH5(
  file: string,
  groups: string[],
  datasets: H5Dataset[],
): Promise<void> {
  const h5 = await h5wasm();
  const f = new h5.File(file, "w");
  try {
    for (const g of groups) f.create_group(g);
    for (const d of datasets) {
      f.create_dataset({
        name: d.path,
        data: d.data,
        shape: d.shape,
        dtype: DTYPES[d.data.constructor.name],
      });
    }
  } finally {
    f.close();
  }
}

function asArray(value: unknown, dtype: string): Float32Array | Int32Array | BigInt64Array {
  if (value instanceof Float32Array || value instanceof Int32Array) return value;
  if (value instanceof BigInt64Array) return value;
  if (ArrayBuffer.isView(value)) return Float32Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === "bigint") return BigInt64Array.of(value);
  if (typeof value === "number")
    return dtype.includes("i") ? Int32Array.of(value) : Float32Array.of(value);
  throw new Error(`unsupported dataset value ${typeof value}`);
}

/** Every dataset of the HDF5 file `file`, by slash path; `where` names the caller in errors. */
export async function readH5(where: string, file: string): Promise<Map<string, H5Dataset>> {
  const h5 = await h5wasm();
  const head = fs.readFileSync(file).subarray(0, 8);
  if (head.toString("latin1") !== "\x89HDF\r\n\x1a\n") {
    throw new ValueError(`${where}: ${file} is not an HDF5 file (wrong signature)`);
  }
  let f: H5File;
  try {
    f = new h5.File(file, "r");
  } catch (e) {
    throw new ValueError(`${where}: cannot read the HDF5 file ${file} (${(e as Error).message})`);
  }
  const out = new Map<string, H5Dataset>();
  try {
    const walk = (node: H5Node, prefix: string) => {
      for (const name of node.keys?.() ?? []) {
        const child = node.get?.(name);
        const p = prefix ? `${prefix}/${name}` : name;
        if (!child) continue;
        if (child.type === "Group") walk(child, p);
        else if (child.type === "Dataset") {
          const shape = (child.shape ?? []).map(Number);
          out.set(p, { path: p, shape, data: asArray(child.value, String(child.dtype)) });
        }
      }
    };
    walk(f, "");
  } catch (e) {
    if (e instanceof ValueError) throw e;
    throw new ValueError(`${where}: the HDF5 file ${file} is damaged (${(e as Error).message})`);
  } finally {
    f.close();
  }
  return out;
}
