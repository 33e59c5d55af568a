import { describe, expect, it } from 'vitest';
import { isKeptAnswer, isKeptQuery, maxKeptFeatures } from './kept-data';

const layerOf = (count: number) => ({
  type: 'FeatureCollection',
  features: Array.from({ length: count }, () => ({ type: 'Feature', geometry: null, properties: {} })),
});

describe('kept data', () => {
  it('keeps the geography and figures but never the cases or the typed columns', () => {
    expect(isKeptQuery(['grids'])).toBe(true);
    expect(isKeptQuery(['indicators', 'C27'])).toBe(true);
    expect(isKeptQuery(['cases', {}])).toBe(false);
    expect(isKeptQuery(['cameras', 'columns'])).toBe(false);
  });

  it('keeps a city-sized layer and leaves out a province-sized one', () => {
    expect(isKeptAnswer(layerOf(maxKeptFeatures))).toBe(true);
    expect(isKeptAnswer(layerOf(maxKeptFeatures + 1))).toBe(false);
    expect(isKeptAnswer({ dataTime: '2026-12-07T09:00:00+08:00' })).toBe(true);
  });
});
