/**
 * Small deterministic random source for seed data (not for security): splitmix32 mixing to derive
 * independent streams per (seed, label, index) and mulberry32 as the generator, so any item can be
 * generated on its own in O(1).
 */

/** Mixes a 32-bit integer (splitmix32 finaliser). */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a label, for deriving stream seeds from names. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A seeded random stream. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** A random RFC 4122 version-4-shaped UUID. */
  uuid(): string;
}

/** Creates a mulberry32 stream for `(seed, label, index)`. */
export function createRandom(seed: number, label: string, index = 0): Random {
  let state = mix32(mix32(seed ^ hashLabel(label)) ^ mix32(index));
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (digits: number): string => {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
}

/**
 * A UUID that is unique per `index` for a given `(seed, label)`: the last group is `index` XOR a
 * seed-derived 48-bit mask (a bijection), the rest is seed-derived. Costs O(1), no state.
 */
export function indexedUuid(seed: number, label: string, index: number): string {
  const key = `${seed}:${label}`;
  let parts = uuidParts.get(key);
  if (!parts) {
    parts = {
      prefix: createRandom(seed, label).uuid().slice(0, 24),
      maskHigh: mix32(seed ^ hashLabel(`${label}:hi`)) & 0xffff,
      maskLow: mix32(seed ^ hashLabel(`${label}:lo`)),
    };
    if (uuidParts.size > 1000) uuidParts.clear();
    uuidParts.set(key, parts);
  }
  const high = (Math.floor(index / 0x100000000) ^ parts.maskHigh) & 0xffff;
  const low = ((index >>> 0) ^ parts.maskLow) >>> 0;
  return `${parts.prefix}${high.toString(16).padStart(4, '0')}${low.toString(16).padStart(8, '0')}`;
}

const uuidParts = new Map<string, { prefix: string; maskHigh: number; maskLow: number }>();
