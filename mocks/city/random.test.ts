import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed, randomFor } from './random';

describe('seeded random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int within both ends, reaching each', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws normals with mean about 0 and spread about 1', () => {
    const random = createRandom(2);
    const values = Array.from({ length: 20_000 }, random.normal);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('picks by weight', () => {
    const random = createRandom(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (random.weighted(['a', 'b'], [9, 1]) === 'a') heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });

  it('gives each purpose its own stream', () => {
    expect(hashSeed(1, 'cameras')).not.toBe(hashSeed(1, 'stations'));
    expect(randomFor(1, 'a').next()).toBe(randomFor(1, 'a').next());
  });
});
