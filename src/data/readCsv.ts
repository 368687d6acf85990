/**
 * `readCsv`: a local CSV file as a danfo DataFrame, like pandas' `read_csv`.
 *
 * The file is read as UTF-8 (or `encoding`), split with papaparse (quoted fields, embedded
 * delimiters and line breaks, `\r\n`), blank lines skipped, and each column typed as described
 * in `csvColumns.ts`. Never touches the network.
 */
import fs from "fs";
import Papa from "papaparse";
import { DataFrame } from "./danfo";
import { typeColumn, parseIsoDate, type TypedColumn } from "./csvColumns";
import { decodeText } from "./textDecode";
import { checkOptions } from "./options";
import {
  ArgumentTypeError,
  FileNotFoundError,
  ValueError,
  describe,
} from "../validation/errors";

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Field separator. Default: detected among `,` `\t` `|` `;` (a single column means `,`). */
  delimiter?: string;
  /** The first line holds the column names. Default `true`; `false` names columns "0", "1", … */
  header?: boolean;
  /**
   * Columns whose ISO 8601 values (`2012-01-31`, `2012-01-31 13:45:00`, `…Z`, `…+09:00`) become
   * Date objects (danfo dtype `"datetime"`, so `df["date"].dt.month()` works); a value without a
   * time zone is local time, like pandas' naive timestamps; empty cells become null. Default
   * `[]`: dates stay text, as in pandas without `parse_dates`.
   */
  parseDates?: string[] | string;
  /** Text encoding. Default `"utf-8"`; e.g. `"euc-kr"` (alias `"cp949"`) for Korean Excel files. */
  encoding?: string;
}

const WHERE = "readCsv";
const fields = (n: number) => `${n} field${n === 1 ? "" : "s"}`;
const OPTIONS = ["delimiter", "header", "parseDates", "encoding"];

function readBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new FileNotFoundError(
        `${WHERE}: file not found: ${file} (working directory: ${process.cwd()})`,
      );
    throw new ValueError(`${WHERE}: cannot read ${file}: ${(e as Error).message}`);
  }
  if (stat.isDirectory()) throw new ValueError(`${WHERE}: ${file} is a folder, not a CSV file`);
  return fs.readFileSync(file);
}

/** Rows of cells with the 1-based line each row starts on. */
function parseRows(text: string, delimiter: string, file: string) {
  const rows: string[][] = [];
  const lines: number[] = [];
  let pos = 0;
  let line = 1;
  let found = ",";
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: true,
    step(result) {
      const end = result.meta.cursor;
      while (pos < end && (text[pos] === "\n" || text[pos] === "\r")) if (text[pos++] === "\n") line++;
      const start = line;
      for (; pos < end; pos++) if (text[pos] === "\n") line++;
      const quote = result.errors.find((e) => e.type === "Quotes");
      if (quote) {
        throw new ValueError(
          `${WHERE}: line ${start} of ${file} has a quoted field that is not closed properly ` +
            `(${quote.message.toLowerCase()}); check the " characters on that line`,
        );
      }
      rows.push(result.data);
      lines.push(start);
      found = result.meta.delimiter;
    },
  });
  return { rows, lines, delimiter: found };
}

/** Column names as pandas makes them: empty → "Unnamed: j", repeats → "name.1", "name.2". */
function columnNames(header: string[]): string[] {
  const used = new Set<string>();
  const count = new Map<string, number>();
  return header.map((raw, j) => {
    const base = raw === "" ? `Unnamed: ${j}` : raw;
    let k = count.get(base) ?? 0;
    let name = base;
    while (used.has(name)) name = `${base}.${++k}`;
    count.set(base, k);
    used.add(name);
    return name;
  });
}

function dateColumn(cells: string[], lines: number[], name: string, file: string): TypedColumn {
  const values = cells.map((c, i) => {
    if (c.trim() === "") return null;
    const d = parseIsoDate(c);
    if (d === null) {
      throw new ValueError(
        `${WHERE}: line ${lines[i]} of ${file}: ${JSON.stringify(c)} in parseDates column ` +
          `${JSON.stringify(name)} is not an ISO date (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS); ` +
          `leave the column out of parseDates to keep it as text`,
      );
    }
    return d;
  });
  return { dtype: "datetime", values };
}

function dateColumnsOf(option: unknown, names: string[]): Set<string> {
  const list = option === undefined ? [] : typeof option === "string" ? [option] : option;
  if (!Array.isArray(list) || list.some((c) => typeof c !== "string")) {
    throw new ArgumentTypeError(
      `${WHERE}: parseDates must be an array of column names; got ${describe(option)}`,
    );
  }
  for (const c of list as string[]) {
    if (!names.includes(c)) {
      throw new ValueError(
        `${WHERE}: parseDates column ${JSON.stringify(c)} is not in the file; columns: ` +
          names.map((n) => JSON.stringify(n)).join(", "),
      );
    }
  }
  return new Set(list as string[]);
}

/**
 * Reads a local CSV file into a danfo DataFrame, like pandas' `pd.read_csv(path)`.
 *
 * Columns of numbers become `int32` (whole numbers, none missing) or `float32` (missing cells
 * and NA words such as `NA` / `NaN` become NaN); `true`/`false` columns become `boolean`; other
 * columns stay text (missing text is null). Empty column names become `"Unnamed: j"`, repeated
 * ones `"name.1"`. Errors name the file and line: file not found (a `FileNotFoundError`, as in
 * pandas, with the working directory), an empty file, a row with a different number of fields,
 * invalid UTF-8 (with its byte offset).
 *
 * @param path The file, relative to the working directory (the notebook's folder) or absolute.
 * @param options `delimiter` (detected), `header` (true), `parseDates` ([]), `encoding` ("utf-8").
 * @example
 * const df = readCsv("data/seattle-weather.csv", { parseDates: ["date"] });
 * df.shape; // [1461, 6]
 */
export function readCsv(path: string, options: ReadCsvOptions = {}): DataFrame {
  if (typeof path !== "string")
    throw new ArgumentTypeError(`${WHERE}: path must be a file path string; got ${describe(path)}`);
  checkOptions(WHERE, options, OPTIONS);
  const { delimiter = "", header = true, encoding = "utf-8" } = options;
  if (typeof delimiter !== "string")
    throw new ArgumentTypeError(`${WHERE}: delimiter must be a string; got ${describe(delimiter)}`);
  if (typeof header !== "boolean")
    throw new ArgumentTypeError(`${WHERE}: header must be true or false; got ${describe(header)}`);
  const text = decodeText(readBytes(path), String(encoding), WHERE, path);
  if (text.trim() === "") {
    throw new ValueError(`${WHERE}: ${path} is empty; a CSV file needs at least a header line`);
  }
  const parsed = parseRows(text, delimiter, path);
  const { rows, lines } = parsed;
  const width = rows[0].length;
  const names = header ? columnNames(rows[0]) : rows[0].map((_, j) => String(j));
  const first = header ? 1 : 0;
  for (let i = first; i < rows.length; i++) {
    if (rows[i].length !== width) {
      throw new ValueError(
        `${WHERE}: line ${lines[i]} of ${path} has ${fields(rows[i].length)} but ` +
          `${header ? "the header" : "line " + lines[0]} has ${width} ` +
          `(delimiter ${JSON.stringify(parsed.delimiter)}); check that line for a missing ` +
          `or extra delimiter, and quote values that contain one`,
      );
    }
  }
  const dataRows = rows.slice(first);
  const dataLines = lines.slice(first);
  const dates = dateColumnsOf(options.parseDates, names);
  const columns = names.map((name, j) => {
    const cells = dataRows.map((r) => r[j]);
    return dates.has(name) ? dateColumn(cells, dataLines, name, path) : typeColumn(cells);
  });
  const values = dataRows.map((_, i) => columns.map((c) => c.values[i]));
  if (values.length === 0) return new DataFrame([], { columns: names });
  return new DataFrame(values, { columns: names, dtypes: columns.map((c) => c.dtype) });
}
