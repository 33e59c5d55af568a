import { ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { createRetainedLayers, retainLayers } from './retained-layers';

const layer = (id: string) => new ScatterplotLayer({ id, data: [] });

describe('retainLayers', () => {
  it('keeps a layer that left, hidden, after the shown ones', () => {
    const retained = createRetainedLayers();
    const cameras = layer('cameras');
    const stations = layer('stations');
    retainLayers([cameras, stations], retained);
    const next = retainLayers([stations], retained);
    expect(next.map((item) => item.id)).toEqual(['stations', 'cameras']);
    expect(next[1]!.props.visible).toBe(false);
    expect(next[0]).toBe(stations);
  });

  it('reuses the hidden copy while the layer stays away, so deck.gl sees no change', () => {
    const retained = createRetainedLayers();
    retainLayers([layer('cameras')], retained);
    const first = retainLayers([], retained)[0];
    const second = retainLayers([], retained)[0];
    expect(second).toBe(first);
  });

  it('shows the newest version when a layer comes back, and holds one entry per id', () => {
    const retained = createRetainedLayers();
    retainLayers([layer('cameras')], retained);
    retainLayers([], retained);
    const back = layer('cameras');
    const next = retainLayers([back], retained);
    expect(next).toEqual([back]);
    expect(retained.byId.size).toBe(1);
  });
});
