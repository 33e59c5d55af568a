// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { unitId } from '../domain/ids';
import { navigateView, useViewSettings, useViewState } from './view-state';

describe('view state hooks', () => {
  it('re-render the settings readers on a setting, not on a pan', () => {
    window.history.replaceState(null, '', '/?layers=grids,cases&map=112.8,35.5,9');
    let settingsRenders = 0;
    let viewRenders = 0;
    const settings = renderHook(() => {
      settingsRenders += 1;
      return useViewSettings()[0];
    });
    const view = renderHook(() => {
      viewRenders += 1;
      return useViewState()[0];
    });
    const [settingsBefore, viewBefore] = [settingsRenders, viewRenders];
    const layers = settings.result.current.layers;

    act(() => navigateView({ map: { lng: 113, lat: 35.5, zoom: 9 } }, { replace: true }));
    expect(viewRenders).toBe(viewBefore + 1);
    expect(view.result.current.map).toEqual({ lng: 113, lat: 35.5, zoom: 9 });
    expect(view.result.current.layers).toBe(layers);
    expect(settingsRenders).toBe(settingsBefore);

    act(() => navigateView({ region: unitId('140502') }));
    expect(settingsRenders).toBe(settingsBefore + 1);
    expect(settings.result.current.region).toBe('140502');
    expect(settings.result.current.layers).toBe(layers);
    expect('map' in settings.result.current).toBe(false);
  });
});
