import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "fs";
import path from "path";
import { readCsv } from "../../src/data";
import { DataFrame } from "../../src/data/danfo";
import { tempFile } from "./setup";
import { tempDir } from "../helpers";

test("types columns like pandas: int32, float32 with NaN, boolean, text with null", () => {
  const file = tempFile(
    "types.csv",
    "id,price,flag,city,mixed\n1,2.5,True,Seoul,1\n2,,false,NA,x\n3,1e3,TRUE, Busan ,3\n",
  );
  const df = readCsv(file);
  assert.ok(df instanceof DataFrame);
  assert.deepEqual(df.columns, ["id", "price", "flag", "city", "mixed"]);
  assert.deepEqual(df.dtypes, ["int32", "float32", "boolean", "string", "string"]);
  assert.deepEqual(df.values, [
    [1, 2.5, true, "Seoul", "1"],
    [2, NaN, false, null, "x"],
    [3, 1000, true, " Busan ", "3"],
  ]);
  assert.deepEqual(df.index, [0, 1, 2]);
});

test("numbers keep full precision; NA words, inf and signs are read as pandas does", () => {
  const file = tempFile("nums.csv", "a,b\n0.1234567890123,-inf\n+5,NaN\n-.5,n/a\n3.,1E-2\n");
  const df = readCsv(file);
  assert.deepEqual(df.dtypes, ["float32", "float32"]);
  assert.deepEqual(df.values, [
    [0.1234567890123, -Infinity],
    [5, NaN],
    [-0.5, NaN],
    [3, 0.01],
  ]);
});

test("delimiter detection, quotes, embedded line breaks, CRLF, BOM, blank lines", () => {
  const semi = readCsv(tempFile("semi.csv", '\ufeffname;note\r\n"Kim; J";"two\r\nlines"\r\n\r\nLee;ok\r\n'));
  assert.deepEqual(semi.columns, ["name", "note"]);
  assert.deepEqual(semi.values, [
    ["Kim; J", "two\r\nlines"],
    ["Lee", "ok"],
  ]);
  const tab = readCsv(tempFile("tab.tsv", "x\ty\n1\t2\n"));
  assert.deepEqual(tab.values, [[1, 2]]);
  const forced = readCsv(tempFile("pipe.csv", "x|y,z\n1|2,3\n"), { delimiter: "|" });
  assert.deepEqual(forced.columns, ["x", "y,z"]);
  const single = readCsv(tempFile("single.csv", "v\n1\n2\n"));
  assert.deepEqual(single.values, [[1], [2]]);
});

test("header: false names columns 0, 1, …; empty and repeated names as pandas", () => {
  const df = readCsv(tempFile("nohead.csv", "1,a\n2,b\n"), { header: false });
  assert.deepEqual(df.columns, ["0", "1"]);
  assert.deepEqual(df.values, [
    [1, "a"],
    [2, "b"],
  ]);
  const names = readCsv(tempFile("names.csv", ",a,a,b,a\n0,1,2,3,4\n"));
  assert.deepEqual(names.columns, ["Unnamed: 0", "a", "a.1", "b", "a.2"]);
  const onlyHeader = readCsv(tempFile("head.csv", "a,b\n"));
  assert.deepEqual(onlyHeader.shape, [0, 2]);
  assert.deepEqual(onlyHeader.columns, ["a", "b"]);
});

test("parseDates: ISO values become Dates (naive = local time), others stay text", () => {
  const file = tempFile(
    "dates.csv",
    "date,at,when\n2012-01-31,2012-01-31 13:45:10,2012-01-31T00:00:00Z\n" +
      "2016-02-29,2012-02-01T08:00,2012-01-31T09:00:00+09:00\n,2012-03-01 00:00:00.5,\n",
  );
  const df = readCsv(file, { parseDates: ["date", "at", "when"] });
  assert.deepEqual(df.dtypes, ["datetime", "datetime", "datetime"]);
  const [date, at, when] = [0, 1, 2].map((j) => df.values.map((r) => (r as unknown[])[j]));
  assert.ok(date[0] instanceof Date);
  const d0 = date[0] as Date;
  assert.deepEqual([d0.getFullYear(), d0.getMonth(), d0.getDate(), d0.getHours()], [2012, 0, 31, 0]);
  assert.equal((date[1] as Date).getDate(), 29);
  assert.equal(date[2], null);
  const a0 = at[0] as Date;
  assert.deepEqual([a0.getHours(), a0.getMinutes(), a0.getSeconds()], [13, 45, 10]);
  assert.equal((at[2] as Date).getMilliseconds(), 500);
  assert.equal((when[0] as Date).toISOString(), "2012-01-31T00:00:00.000Z");
  assert.equal((when[1] as Date).toISOString(), "2012-01-31T00:00:00.000Z");
  const months = readCsv(tempFile("m.csv", "d\n2012-01-31\n2016-02-29\n"), { parseDates: ["d"] });
  assert.deepEqual(months["d"].dt.month().values, [0, 1]); // danfo's dt works on them
  // Without parseDates the dates stay text.
  assert.equal(readCsv(file).dtypes[0], "string");
  assert.equal(readCsv(file, { parseDates: "date" }).dtypes[1], "string");
});

test("encoding: euc-kr (cp949) files from Korean Excel", () => {
  // "이름,점수\n홍길동,90\n" in EUC-KR
  const bytes = new Uint8Array([
    0xc0, 0xcc, 0xb8, 0xa7, 0x2c, 0xc1, 0xa1, 0xbc, 0xf6, 0x0a, 0xc8, 0xab, 0xb1, 0xe6, 0xb5, 0xbf,
    0x2c, 0x39, 0x30, 0x0a,
  ]);
  const file = tempFile("korean.csv", bytes);
  for (const encoding of ["euc-kr", "cp949"]) {
    const df = readCsv(file, { encoding });
    assert.deepEqual(df.columns, ["이름", "점수"]);
    assert.deepEqual(df.values, [["홍길동", 90]]);
  }
  assert.throws(
    () => readCsv(file),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        `readCsv: ${file} is not valid UTF-8: byte 0xc0 at byte offset 0 (line 1) cannot be ` +
          `decoded; if the file was saved in another encoding, pass it, e.g. ` +
          `{ encoding: "euc-kr" } for Korean Excel files`,
  );
  assert.throws(() => readCsv(file, { encoding: "klingon" }), /readCsv: unknown encoding "klingon"/);
});

test("errors: missing file, folder, empty file, unknown option, bad arguments", () => {
  const cwd = process.cwd();
  assert.throws(
    () => readCsv("./x.csv"),
    (e: Error) =>
      e.name === "FileNotFoundError" &&
      e.message === `readCsv: file not found: ./x.csv (working directory: ${cwd})`,
  );
  const dir = tempDir("csvdir");
  assert.throws(() => readCsv(dir), new RegExp(`readCsv: ${dir} is a folder, not a CSV file`));
  for (const [name, content] of [
    ["empty.csv", ""],
    ["blank.csv", "\n\n  \n"],
  ]) {
    const file = tempFile(name, content);
    assert.throws(
      () => readCsv(file),
      (e: Error) =>
        e.message === `readCsv: ${file} is empty; a CSV file needs at least a header line`,
    );
  }
  const ok = tempFile("ok.csv", "a\n1\n");
  assert.throws(
    () => readCsv(ok, { parse_dates: ["a"] } as never),
    /readCsv: unknown option "parse_dates"; did you mean "parseDates"\?/,
  );
  assert.throws(() => readCsv(42 as never), /readCsv: path must be a file path string; got 42/);
  assert.throws(() => readCsv(ok, { header: "yes" as never }), /header must be true or false/);
});

test("errors: ragged rows give the 1-based line and both field counts", () => {
  const file = tempFile("ragged.csv", 'a,b,c\n1,2,3\n\n"multi\nline",5,6\n7,8\n');
  assert.throws(
    () => readCsv(file),
    (e: Error) =>
      e.name === "ValueError" &&
      e.message ===
        `readCsv: line 6 of ${file} has 2 fields but the header has 3 (delimiter ","); ` +
          `check that line for a missing or extra delimiter, and quote values that contain one`,
  );
  const extra = tempFile("extra.csv", "1,2\n3,4,5\n");
  assert.throws(
    () => readCsv(extra, { header: false }),
    /readCsv: line 2 of .*extra\.csv has 3 fields but line 1 has 2/,
  );
  const quote = tempFile("quote.csv", 'a,b\n1,"open\n2,3\n');
  assert.throws(() => readCsv(quote), /readCsv: line 2 of .*quote\.csv has a quoted field that is not closed/);
});

test("errors: invalid UTF-8 names the byte, its offset and line", () => {
  const bytes = Buffer.concat([Buffer.from("a,b\n1,é\n2,"), Buffer.from([0xe9, 0x0a])]);
  const file = tempFile("latin.csv", bytes);
  assert.throws(
    () => readCsv(file),
    (e: Error) =>
      e.message.startsWith(
        `readCsv: ${file} is not valid UTF-8: byte 0xe9 at byte offset 11 (line 3) cannot be decoded`,
      ),
  );
  assert.deepEqual(readCsv(file, { encoding: "latin1" }).values[1], [2, "é"]);
});

test("errors: parseDates with an unknown column or a value that is not a date", () => {
  const file = tempFile("baddate.csv", "date,v\n2012-01-01,1\n01/02/2012,2\n");
  assert.throws(
    () => readCsv(file, { parseDates: ["Date"] }),
    /readCsv: parseDates column "Date" is not in the file; columns: "date", "v"/,
  );
  assert.throws(
    () => readCsv(file, { parseDates: ["date"] }),
    (e: Error) =>
      e.message ===
        `readCsv: line 3 of ${file}: "01/02/2012" in parseDates column "date" is not an ISO date ` +
          `(YYYY-MM-DD or YYYY-MM-DD HH:MM:SS); leave the column out of parseDates to keep it as text`,
  );
  const feb30 = tempFile("feb30.csv", "date\n2021-02-29\n");
  assert.throws(() => readCsv(feb30, { parseDates: ["date"] }), /"2021-02-29" in parseDates/);
});

test("reads the shipped CSV files relative to the working directory", () => {
  const file = path.join("data", "seattle-weather.csv");
  if (!fs.existsSync(file)) return; // run from the repository root in npm test
  const df = readCsv(file, { parseDates: ["date"] });
  assert.deepEqual(df.shape, [1461, 6]);
  assert.equal(df.dtypes[0], "datetime");
  assert.equal((df.values[1460] as unknown[])[0] instanceof Date, true);
});
