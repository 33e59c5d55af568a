import { describe, expect, it } from 'vitest';
import { DataError } from '../../data/data-error';
import type { LayerFailure } from '../../data/layer-failure';
import { freshnessOf } from './use-wall-data';

const failing = (lastSuccessAt: number | null): LayerFailure => ({
  error: new DataError('grids', 'http', 'HTTP 500', 500),
  failedAt: 5_000,
  failures: 2,
  retryAt: 7_000,
  lastSuccessAt,
});

describe('the wall’s freshness', () => {
  it('is stale while any layer has a failure record, names those layers and the oldest data still shown', () => {
    const freshness = freshnessOf([
      { layer: 'meta', failure: undefined, hasData: true },
      { layer: 'grids', failure: failing(3_000), hasData: true },
      { layer: 'cameras', failure: failing(1_000), hasData: true },
      { layer: 'indicators', failure: failing(null), hasData: false },
    ]);
    expect(freshness).toEqual({
      stale: true,
      failing: ['grids', 'cameras', 'indicators'],
      waiting: true,
      asOf: 1_000,
    });
  });

  it('is fresh once every layer has succeeded', () => {
    expect(freshnessOf([{ layer: 'grids', failure: undefined, hasData: true }])).toEqual({
      stale: false,
      failing: [],
      waiting: false,
      asOf: null,
    });
  });
});
