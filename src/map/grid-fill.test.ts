import { describe, expect, it } from 'vitest';
import { gridTypes } from '../domain/grid';
import { classColour, gridFill, quantileBreaks, sequentialColours, type ClassedFill } from './grid-fill';

describe('quantileBreaks', () => {
  it('splits evenly spread values into classes of about equal size', () => {
    const values = Array.from({ length: 100 }, (_, index) => index);
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toEqual([20, 40, 60, 80]);
    for (let k = 0; k <= breaks.length; k += 1) {
      const low = k === 0 ? -Infinity : breaks[k - 1]!;
      const high = breaks[k] ?? Infinity;
      expect(values.filter((value) => value >= low && value < high)).toHaveLength(20);
    }
  });

  it('collapses ties instead of making empty classes, and stays strictly ascending', () => {
    const breaks = quantileBreaks([5, 5, 5, 5, 5, 5, 5, 5, 900, 1000], 5);
    expect(breaks.every((value, index) => index === 0 || value > breaks[index - 1]!)).toBe(true);
    expect(breaks.length).toBeLessThan(4);
  });

  it('has no breaks without values', () => {
    expect(quantileBreaks([], 5)).toEqual([]);
  });
});

describe('gridFill', () => {
  it('gives each of the five grid types its own colour', () => {
    const fill = gridFill('type', []);
    if (fill.kind !== 'categorical') throw new Error('expected categories');
    expect(fill.entries.map((entry) => entry.value)).toEqual([...gridTypes]);
    expect(new Set(fill.entries.map((entry) => entry.colour)).size).toBe(gridTypes.length);
  });

  it('has one colour more than breaks, ending at the darkest class', () => {
    const fill = gridFill('households', [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]) as ClassedFill;
    expect(fill.colours).toHaveLength(fill.breaks.length + 1);
    expect(fill.colours[fill.colours.length - 1]).toBe(sequentialColours[sequentialColours.length - 1]);
  });

  it('colours low values light and high values dark', () => {
    const fill = gridFill('serviceReach', []) as ClassedFill;
    expect(classColour(fill, 0)).toBe(sequentialColours[0]);
    expect(classColour(fill, 0.5)).toBe(sequentialColours[2]);
    expect(classColour(fill, 1)).toBe(sequentialColours[4]);
  });
});
