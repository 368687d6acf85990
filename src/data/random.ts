/**
 * A small seeded random generator for reproducible splits (`randomState`), in the spirit of
 * numpy's `RandomState`: same seed, same sequence, on every machine. It is not numpy's Mersenne
 * Twister, so the rows it picks differ from scikit-learn's for the same seed.
 *
 * The generator is sfc32 seeded through splitmix32; `permutation` is Fisher–Yates.
 *
 * @example
 * new RandomState(42).permutation(5); // the same order of 0..4 on every run
 */
import { ValueError, describe } from "../validation/errors";

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Seeded generator of uniform numbers, integers and permutations. */
export class RandomState {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed`: an integer in [0, 2**32 - 1]; undefined picks a random seed. */
  constructor(seed?: number) {
    const s = seed ?? Math.floor(Math.random() * 2 ** 32);
    const next = splitmix32(s);
    [this.a, this.b, this.c, this.d] = [next(), next(), next(), next()];
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  random(): number {
    return ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  integer(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** The numbers 0..n-1 in random order. */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** `values` shuffled in place (Fisher–Yates) and returned. */
  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      [values[i], values[j]] = [values[j], values[i]];
    }
    return values;
  }

  /** `k` distinct elements of `values`, drawn without replacement. */
  choice<T>(values: readonly T[], k: number): T[] {
    return this.shuffle([...values]).slice(0, k);
  }
}

/**
 * A seed argument checked: an integer in [0, 2**32 - 1], or undefined when it may be left out.
 * `name` is the argument the error names (default `randomState`); `required` (default false)
 * makes a missing seed an error too.
 */
export function checkSeed(
  where: string,
  seed: unknown,
  name = "randomState",
  required = false,
): number | undefined {
  if ((seed === undefined || seed === null) && !required) return undefined;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new ValueError(
      `${where}: ${name} must be an integer between 0 and 2**32 - 1; got ${describe(seed)}`,
    );
  }
  return seed;
}
