import { describe, expect, it } from 'vitest';
import { choroplethColour, choroplethFilter, choroplethOf } from './choropleth';

describe('indicator choropleth over child units', () => {
  const units = [
    { id: 'a', value: 0.91 },
    { id: 'b', value: 0.95 },
    { id: 'c', value: null },
    { id: 'd', value: 0.99 },
    { id: 'e', value: 0.85 },
  ];

  it('classes rates on a 0.1 % grid and leaves no-data units unfilled', () => {
    const choropleth = choroplethOf(units, 'regions', true);
    expect(choropleth.missing).toBe(1);
    expect(choropleth.colourById.has('c')).toBe(false);
    expect(choropleth.classes.breaks.every((value) => Math.round(value * 1000) === value * 1000)).toBe(true);
    expect(choropleth.colourById.get('e')).not.toBe(choropleth.colourById.get('d'));
  });

  it('paints by id and filters to the target’s units only', () => {
    const choropleth = choroplethOf(units, 'grids', true);
    const colour = choroplethColour(choropleth);
    expect(Array.isArray(colour) && colour[0]).toBe('match');
    expect(JSON.stringify(choroplethFilter(choropleth, 'grids'))).toContain('"a"');
    expect(JSON.stringify(choroplethFilter(choropleth, 'regions'))).not.toContain('"a"');
    expect(choroplethColour(null)).toBe('rgba(0, 0, 0, 0)');
  });

  it('classes counts with quantiles', () => {
    const counts = choroplethOf(
      Array.from({ length: 20 }, (_, index) => ({ id: String(index), value: index * 10 })),
      'regions',
      false,
    );
    expect(counts.classes.breaks.length).toBeGreaterThan(2);
    expect(new Set(counts.colourById.values()).size).toBe(counts.classes.colours.length);
  });
});
