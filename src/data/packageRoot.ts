/**
 * Where the package's shipped files are: the folder of the `tslab-ml` package.json above this
 * module (compiled code runs from `dist/src/data/`, the datasets live in `data/` at the root).
 *
 * @example
 * dataFile("boston_house_prices.csv"); // "/…/tslab-ml/data/boston_house_prices.csv"
 */
import fs from "fs";
import path from "path";

let root: string | null = null;

/** The tslab-ml package root (the folder holding its package.json). */
export function packageRoot(): string {
  if (root !== null) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "tslab-ml")
          return (root = dir);
      } catch {
        // not a readable package.json: keep looking above
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`tslab-ml: package.json not found above ${__dirname}`);
    dir = up;
  }
}

/** The path of a shipped dataset file, e.g. `dataFile("seattle-weather.csv")`. */
export function dataFile(name: string): string {
  const file = path.join(packageRoot(), "data", name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `tslab-ml: the dataset file ${file} is missing; reinstall tslab-ml (its data/ folder ships the datasets)`,
    );
  }
  return file;
}
