import { describe, expect, it } from 'vitest';
import { unitId } from '../domain/ids';
import { defaultLayers, parseView, serializeView, shareUnchanged, type ViewState } from './view-url';

const at = (url: string) => {
  const parsed = new URL(url, 'http://gridboard.test');
  return { pathname: parsed.pathname, search: parsed.search };
};

describe('view URL', () => {
  it('reads the defaults from a bare URL', () => {
    const view = parseView(at('/'));
    expect(view.mode).toBe('dashboard');
    expect(view.region).toBeNull();
    expect(view.window).toEqual({ preset: '30d' });
    expect([...view.layers]).toEqual([...defaultLayers]);
    expect(view.map).toBeNull();
  });

  it('reads ?region= once into a unit id, and a value that is not a code as the whole city', () => {
    expect(parseView(at('/?region=140502001')).region).toBe('140502001');
    expect(parseView(at('/?region=%3Cscript%3E')).region).toBeNull();
    expect(parseView(at('/?region=' + 'x'.repeat(65))).region).toBeNull();
  });

  it('round-trips a full view and keeps foreign parameters such as ?config=', () => {
    const view: ViewState = {
      mode: 'wall',
      region: unitId('140502001'),
      selected: '140502001001001',
      window: { preset: 'custom', from: '2026-10-01', to: '2026-10-31' },
      layers: new Set(['grids', 'cases']),
      map: { lng: 112.8512345678, lat: 35.49, zoom: 12.345 },
      indicator: 'resolutionRate',
      compare: '140521',
      categories: new Set(['environment', 'dispute']),
      channels: new Set(['hotline_12345']),
    };
    const url = serializeView(view, at('/?config=/wall.json'));
    expect(url).toContain('config=%2Fwall.json');
    expect(url.startsWith('/wall?')).toBe(true);
    const back = parseView(at(url));
    expect(back.mode).toBe('wall');
    expect(back.region).toBe('140502001');
    expect(back.selected).toBe('140502001001001');
    expect(back.window).toEqual(view.window);
    expect([...back.layers].sort()).toEqual(['cases', 'grids']);
    expect(back.map).toEqual({ lng: 112.85123, lat: 35.49, zoom: 12.35 });
    expect(back.indicator).toBe('resolutionRate');
    expect(back.compare).toBe('140521');
    expect([...back.categories].sort()).toEqual(['dispute', 'environment']);
    expect([...back.channels]).toEqual(['hotline_12345']);
  });

  it('keeps only known case categories and channels', () => {
    const view = parseView(at('/?category=environment,bogus&channel=nowhere'));
    expect([...view.categories]).toEqual(['environment']);
    expect(view.channels.size).toBe(0);
  });

  it('falls back to safe defaults on nonsense parameters', () => {
    const view = parseView(at('/planner?window=forever&map=abc,1,2&from=2026-12-01&to=2026-01-01'));
    expect(view.mode).toBe('planner');
    expect(view.window).toEqual({ preset: '30d' });
    expect(view.map).toBeNull();
  });

  it('writes the dashboard at the base path and leaves default values out of the URL', () => {
    const view = parseView(at('/wall?window=7d'));
    expect(serializeView({ ...view, mode: 'dashboard', window: { preset: '30d' } }, at('/wall'))).toBe('/');
    expect(serializeView({ ...view, mode: 'planner' }, at('/'))).toBe('/planner?window=7d');
  });

  it('drops a cleared setting from the URL', () => {
    const view = parseView(at('/?compare=140521&indicator=onTimeRate&category=dispute'));
    const url = serializeView(
      { ...view, compare: null, indicator: null, categories: new Set() },
      at('/?compare=140521&indicator=onTimeRate&category=dispute'),
    );
    expect(url).toBe('/');
  });
});

describe('shareUnchanged', () => {
  it('keeps the previous sets and objects when a pan changes only the map', () => {
    const before = parseView(at('/?layers=grids,cases&category=dispute&window=7d&map=112.8,35.5,9'));
    const after = shareUnchanged(
      before,
      parseView(at('/?layers=cases,grids&category=dispute&window=7d&map=113,35.5,9')),
    );
    expect(after.layers).toBe(before.layers);
    expect(after.categories).toBe(before.categories);
    expect(after.channels).toBe(before.channels);
    expect(after.window).toBe(before.window);
    expect(after.map).not.toBe(before.map);
    expect(after.map).toEqual({ lng: 113, lat: 35.5, zoom: 9 });
  });

  it('takes the new parts that changed', () => {
    const before = parseView(at('/?layers=grids&category=dispute&window=7d'));
    const after = shareUnchanged(before, parseView(at('/?layers=grids,cases&window=30d')));
    expect([...after.layers].sort()).toEqual(['cases', 'grids']);
    expect(after.categories.size).toBe(0);
    expect(after.window).toEqual({ preset: '30d' });
  });
});
