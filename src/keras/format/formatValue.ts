/**
 * Python's `format(value, spec)` for the three kinds of values a Keras file name can hold:
 * a `number` is a Python float, a `bigint` a Python int, a `string` a str.
 *
 * @example
 * formatValue(0.48812, ".2f"); // "0.49"
 * formatValue(3n, "03d"); // "003"
 * formatValue(1e-5, ""); // "1e-05" (Python repr)
 */
import { ValueError } from "../../validation/errors";
import { fixedDigits, shortestDigits, significantDigits } from "./exactDecimal";
import { pad, parseFormatSpec, type FormatSpec } from "./formatSpec";

/** A value Python's format understands: float (`number`), int (`bigint`) or str. */
export type FormatValue = number | bigint | string;

const exponent = (e: number) => `${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;

/** Scientific notation from rounded digits: `d.ddd` + `e±XX`. */
function scientific(digits: string, exp: number, keepPoint: boolean): string {
  const tail = digits.slice(1);
  return `${digits[0]}${tail || keepPoint ? "." : ""}${tail}e${exponent(exp)}`;
}

/** Fixed notation from digits whose first digit has decimal exponent `exp`. */
function fixedFromDigits(digits: string, exp: number): string {
  if (exp < 0) return `0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return digits + "0".repeat(exp + 1 - digits.length);
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

const stripZeros = (s: string) => (s.includes(".") ? s.replace(/\.?0+$/, "") : s);

/** `|x|` (finite) for a float presentation type, without sign. */
function floatBody(x: number, type: string, precision: number | undefined, alt: boolean): string {
  switch (type) {
    case "f":
    case "F":
    case "%": {
      const s = fixedDigits(x, precision ?? 6);
      return alt && !s.includes(".") ? `${s}.` : s;
    }
    case "e":
    case "E": {
      const p = precision ?? 6;
      const { digits, exp } = significantDigits(x, p + 1);
      return scientific(digits, exp, alt);
    }
    case "": {
      if (precision === undefined) {
        // repr: shortest round-trip digits; fixed for -4 <= exp < 16, always with a point.
        const { digits, exp } = shortestDigits(x);
        if (exp < -4 || exp >= 16) return scientific(digits, exp, false);
        const s = fixedFromDigits(digits, exp);
        return s.includes(".") ? s : `${s}.0`;
      }
      return general(x, precision, alt, true);
    }
    default:
      return general(x, precision ?? 6, alt, false);
  }
}

/** `g` (and the untyped form with a precision, which keeps a `.0` on whole numbers). */
function general(x: number, precision: number, alt: boolean, dot0: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const { digits, exp } = significantDigits(x, p);
  const useExp = exp < -4 || exp >= (dot0 ? p - 1 : p);
  if (useExp) {
    const s = scientific(digits, exp, alt);
    if (alt) return s;
    const [m, e] = s.split("e");
    return `${stripZeros(m)}e${e}`;
  }
  let s = fixedFromDigits(digits, exp);
  if (alt) return s.includes(".") ? s : `${s}.`;
  s = stripZeros(s);
  return dot0 && !s.includes(".") ? `${s}.0` : s;
}

function signOf(negative: boolean, spec: FormatSpec): string {
  if (negative) return "-";
  return spec.sign === "-" ? "" : spec.sign;
}

function formatFloat(x: number, spec: FormatSpec): string {
  const type = spec.type === "n" ? "g" : spec.type;
  if (type === "%") x *= 100;
  let negative = x < 0 || Object.is(x, -0);
  let body: string;
  if (Number.isNaN(x)) {
    negative = false;
    body = "nan";
  } else if (!Number.isFinite(x)) {
    body = "inf";
  } else {
    body = floatBody(Math.abs(x), type, spec.precision, spec.alternate);
    if (negative && spec.coerceZero && !/[1-9]/.test(body.split("e")[0])) negative = false;
  }
  if (/[EFG]/.test(type)) body = body.toUpperCase();
  if (type === "%") body += "%";
  const m = /^(\d*)(.*)$/s.exec(body) as RegExpExecArray;
  return pad(spec, {
    sign: signOf(negative, spec),
    prefix: "",
    digits: m[1],
    rest: m[2],
    numeric: true,
  });
}

const RADIX: Record<string, [number, string]> = {
  b: [2, "0b"],
  o: [8, "0o"],
  x: [16, "0x"],
  X: [16, "0X"],
};

function formatInt(n: bigint, spec: FormatSpec): string {
  if ("eEfFgG%".includes(spec.type) && spec.type !== "") return formatFloat(Number(n), spec);
  if (spec.type === "s") throw new ValueError("Unknown format code 's' for object of type 'int'");
  if (spec.precision !== undefined) {
    throw new ValueError("Precision not allowed in integer format specifier");
  }
  if (spec.type === "c")
    return pad(spec, {
      sign: "",
      prefix: "",
      digits: "",
      rest: String.fromCodePoint(Number(n)),
      numeric: true,
    });
  const abs = n < 0n ? -n : n;
  const [radix, prefix] = RADIX[spec.type] ?? [10, ""];
  let digits = abs.toString(radix);
  if (spec.type === "X") digits = digits.toUpperCase();
  return pad(spec, {
    sign: signOf(n < 0n, spec),
    prefix: spec.alternate ? prefix : "",
    digits,
    rest: "",
    numeric: true,
  });
}

function formatStr(s: string, spec: FormatSpec): string {
  if (spec.type !== "" && spec.type !== "s") {
    throw new ValueError(`Unknown format code '${spec.type}' for object of type 'str'`);
  }
  if (spec.sign !== "-" || spec.grouping || spec.alternate) {
    throw new ValueError(
      "Sign, grouping and alternate form are not allowed in string format specifier",
    );
  }
  if (spec.align === "=")
    throw new ValueError("'=' alignment not allowed in string format specifier");
  const text = spec.precision !== undefined ? [...s].slice(0, spec.precision).join("") : s;
  return pad(spec, { sign: "", prefix: "", digits: "", rest: text, numeric: false });
}

/**
 * Python's `format(value, spec)`; throws ValueError with Python's reason when it would.
 *
 * @example
 * formatValue(0.125, ".2f"); // "0.12" (exact tie, rounded half to even)
 */
export function formatValue(value: FormatValue, spec: string): string {
  const parsed = parseFormatSpec(spec);
  if (typeof value === "string") return formatStr(value, parsed);
  if (typeof value === "bigint") return formatInt(value, parsed);
  if ("bcdoxX".includes(parsed.type) && parsed.type !== "") {
    throw new ValueError(`Unknown format code '${parsed.type}' for object of type 'float'`);
  }
  if (parsed.type === "s") {
    throw new ValueError(`Unknown format code 's' for object of type 'float'`);
  }
  return formatFloat(value, parsed);
}

/**
 * Python's `repr` of a float (`0.1`, `1e-05`, `1.0`, `inf`, `nan`).
 *
 * @example
 * pyRepr(0.1 + 0.2); // "0.30000000000000004"
 */
export function pyRepr(x: number): string {
  return formatValue(x, "");
}
