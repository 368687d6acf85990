/**
 * Parsing of Python's format-spec mini-language:
 * `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
 *
 * @example
 * parseFormatSpec(">8.3f"); // { fill: " ", align: ">", width: 8, precision: 3, type: "f", … }
 */
import { ValueError } from "../../validation/errors";

/** A parsed format spec. `fill` and `align` are undefined when the spec does not set them. */
export interface FormatSpec {
  fill: string | undefined;
  align: "<" | ">" | "=" | "^" | undefined;
  sign: "+" | "-" | " ";
  /** `z`: negative zero shows as zero. */
  coerceZero: boolean;
  /** `#`: alternate form (prefixes 0b/0o/0x, keep trailing zeros with g). */
  alternate: boolean;
  /** `0`: pad numbers with zeros after the sign. */
  zeroPad: boolean;
  width: number;
  grouping: "," | "_" | undefined;
  precision: number | undefined;
  type: string;
}

const SPEC =
  /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

/**
 * Parses a spec such as `"03d"`, `".4f"`, `"*^10,.2f"`; throws ValueError like Python.
 *
 * @example
 * parseFormatSpec("03d").width; // 3
 */
export function parseFormatSpec(spec: string): FormatSpec {
  const m = SPEC.exec(spec);
  if (!m) {
    const last = spec.slice(-1);
    if (/[a-zA-Z]/.test(last) && SPEC.test(spec.slice(0, -1))) {
      throw new ValueError(`Unknown format code '${last}' in format spec "${spec}"`);
    }
    throw new ValueError(`Invalid format specifier "${spec}"`);
  }
  return {
    fill: m[1],
    align: m[2] as FormatSpec["align"],
    sign: (m[3] ?? "-") as FormatSpec["sign"],
    coerceZero: m[4] !== undefined,
    alternate: m[5] !== undefined,
    zeroPad: m[6] !== undefined,
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] as FormatSpec["grouping"],
    precision: m[9] !== undefined ? Number(m[9]) : undefined,
    type: m[10] ?? "",
  };
}

/**
 * Inserts `sep` every `size` digits from the right of a digit string.
 *
 * @example
 * groupDigits("1234567", ",", 3); // "1,234,567"
 */
export function groupDigits(digits: string, sep: string, size: number): string {
  let out = "";
  for (let i = digits.length; i > 0; i -= size) {
    const part = digits.slice(Math.max(0, i - size), i);
    out = out ? `${part}${sep}${out}` : part;
  }
  return out;
}

/**
 * Pads `body` (digits and the rest, after `sign` and `prefix`) to the spec's width with its
 * fill and alignment (numbers align right by default, text left; `=` pads between the sign and
 * the digits; `0` zero-pads numbers, grouping the added zeros as Python does).
 *
 * @example
 * pad(parseFormatSpec("06"), { sign: "-", prefix: "", digits: "42", rest: "", numeric: true }); // "-00042"
 */
export function pad(
  spec: FormatSpec,
  parts: { sign: string; prefix: string; digits: string; rest: string; numeric: boolean },
): string {
  const { sign, prefix, rest, numeric } = parts;
  let digits = parts.digits;
  const fill = spec.fill ?? (spec.zeroPad ? "0" : " ");
  const align = spec.align ?? (numeric ? (spec.zeroPad ? "=" : ">") : "<");
  const zero = fill === "0" && align === "=";
  const groupSize = spec.grouping === "_" && /[box]/i.test(spec.type) ? 4 : 3;
  const group = (d: string) => (spec.grouping ? groupDigits(d, spec.grouping, groupSize) : d);
  const len = (s: string) => [...s].length;
  if (zero && numeric && /^[0-9a-fA-F]+$/.test(digits)) {
    while (len(sign + prefix + group(digits) + rest) < spec.width) digits = `0${digits}`;
    return sign + prefix + group(digits) + rest;
  }
  const body = group(digits) + rest;
  const missing = Math.max(0, spec.width - len(sign + prefix + body));
  switch (align) {
    case "<":
      return sign + prefix + body + fill.repeat(missing);
    case "^": {
      const left = Math.floor(missing / 2);
      return fill.repeat(left) + sign + prefix + body + fill.repeat(missing - left);
    }
    case "=":
      return sign + prefix + fill.repeat(missing) + body;
    default:
      return fill.repeat(missing) + sign + prefix + body;
  }
}
