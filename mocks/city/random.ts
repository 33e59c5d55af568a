/**
 * A small seeded PRNG (mulberry32). The demo city must be byte-identical on every machine and every run, so no
 * generator code may call Math.random: every draw comes from one of these, seeded from (seed, what it is for).
 */
export interface Random {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [min, max). */
  between: (min: number, max: number) => number;
  /** Integer in [low, high], both ends included. */
  int: (low: number, high: number) => number;
  /** Integer in [0, count): an index into a list of that length. */
  index: (count: number) => number;
  /** Standard normal (Box–Muller). */
  normal: () => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** A pick where `weights[i]` is the relative chance of `items[i]`. */
  weighted: <T>(items: readonly T[], weights: readonly number[]) => T;
}

/** FNV-1a over the parts: a stable 32-bit seed for one purpose ("cameras", a county code…). */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let hash = 2166136261;
  for (const character of parts.join('|')) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    index: (count) => Math.floor(next() * count),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    chance: (probability) => next() < probability,
    pick,
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let draw = next() * total;
      for (let index = 0; index < items.length; index++) {
        draw -= weights[index] ?? 0;
        if (draw < 0) return items[index] ?? pick(items);
      }
      return pick(items);
    },
  };
}

/** A Random of its own for one purpose, so adding draws in one place does not reshuffle everything after it. */
export const randomFor = (seed: number, ...purpose: ReadonlyArray<string | number>): Random =>
  createRandom(hashSeed(seed, ...purpose));

/** Index into cumulative weights (ascending, last = total) for a uniform draw: a weighted pick in O(log n). */
export function pickWeighted(cumulative: Float64Array, draw: number): number {
  const target = draw * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    cumulative[index] = total;
  });
  return cumulative;
}
