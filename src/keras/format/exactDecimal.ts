/**
 * Exact decimal rounding of doubles, as Python's `format` does it: the exact binary value is
 * expanded into decimal digits (BigInt arithmetic) and rounded half to even. JavaScript's
 * `toFixed` rounds exact ties up (`(0.125).toFixed(2)` is `"0.13"`, Python gives `"0.12"`), so the
 * number formatter uses these helpers instead.
 *
 * @example
 * fixedDigits(0.125, 2); // "0.12"
 * significantDigits(9.995, 3); // { digits: "999", exp: 0 } (9.995 is stored as 9.99499…)
 */

/** A non-negative finite double as `digits × 10^exp10` (exact). */
function exactDecimal(x: number): { n: bigint; exp10: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) {
    exp2 = -1074;
  } else {
    mantissa |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (mantissa === 0n) return { n: 0n, exp10: 0 };
  if (exp2 >= 0) return { n: mantissa << BigInt(exp2), exp10: 0 };
  // m·2^e = m·5^(-e)·10^e
  return { n: mantissa * 5n ** BigInt(-exp2), exp10: exp2 };
}

/** `n / 10^k` rounded half to even. */
function roundDrop(n: bigint, k: number): bigint {
  if (k <= 0) return n * 10n ** BigInt(-k);
  const div = 10n ** BigInt(k);
  const q = n / div;
  const r = n % div;
  const twice = 2n * r;
  if (twice > div || (twice === div && q % 2n === 1n)) return q + 1n;
  return q;
}

/**
 * `|x|` with exactly `decimals` digits after the point, rounded half to even
 * (Python `format(abs(x), ".{decimals}f")`).
 *
 * @example
 * fixedDigits(2.5, 0); // "2"
 */
export function fixedDigits(x: number, decimals: number): string {
  const { n, exp10 } = exactDecimal(x);
  const scaled = roundDrop(n, -exp10 - decimals).toString();
  if (decimals === 0) return scaled;
  const padded = scaled.padStart(decimals + 1, "0");
  return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

/**
 * `|x|` rounded half to even to `count` significant digits: the digits (length `count`) and the
 * decimal exponent of the first one (`x ≈ d.ddd × 10^exp`). Zero gives zeros and exponent 0.
 *
 * @example
 * significantDigits(123.456, 4); // { digits: "1235", exp: 2 }
 */
export function significantDigits(x: number, count: number): { digits: string; exp: number } {
  const { n, exp10 } = exactDecimal(x);
  if (n === 0n) return { digits: "0".repeat(count), exp: 0 };
  const length = n.toString().length;
  let exp = length - 1 + exp10;
  let digits = roundDrop(n, length - count).toString();
  if (digits.length > count) {
    digits = digits.slice(0, count);
    exp += 1;
  }
  return { digits, exp };
}

/**
 * The shortest digits that read back as `x` (what Python's `repr` and JavaScript's `String`
 * both use), with the decimal exponent of the first digit.
 *
 * @example
 * shortestDigits(0.00015); // { digits: "15", exp: -4 }
 */
export function shortestDigits(x: number): { digits: string; exp: number } {
  if (x === 0) return { digits: "0", exp: 0 };
  const [mant, e] = Math.abs(x).toExponential().split("e");
  return { digits: mant.replace(".", ""), exp: Number(e) };
}
