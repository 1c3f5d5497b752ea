/**
 * Deterministic randomness: every id, PIN and random fault comes from a seeded generator whose
 * state lives in the store, so the same seed and the same call sequence give the same ids,
 * also across a restart.
 */
export function hashSeed(seed: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32 step: returns [value in [0,1), next state]. */
export function nextRandom(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, s];
}

export class Rng {
  constructor(
    private get: () => number,
    private set: (s: number) => void,
  ) {}
  next(): number {
    const [v, s] = nextRandom(this.get());
    this.set(s);
    return v;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  chars(alphabet: string, n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
  /** A v4-shaped uuid (slash-free, so it is safe in a path segment). */
  uuid(): string {
    const h = this.chars("0123456789abcdef", 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** A free-standing generator (not persisted), used for fault rolls. */
export function localRng(seed: string): Rng {
  let s = hashSeed(seed);
  return new Rng(
    () => s,
    (n) => {
      s = n;
    },
  );
}

export const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
