import { describe, expect, it } from 'vitest';
import { sceneDelayMs, scenesOf, tourReducer, tourStart, wholeCityScene, type TourScene } from './tour';

const scenes: TourScene[] = [
  { seconds: 30 },
  { region: '140502', layers: ['grids'], seconds: 20 },
  { region: '140525', seconds: 10 },
];

describe('the tour', () => {
  it('cycles through the scenes in order and wraps round', () => {
    let state = tourStart;
    const seen = [state.index];
    for (let step = 0; step < 4; step++) {
      state = tourReducer(state, { kind: 'elapsed' }, scenes.length);
      seen.push(state.index);
    }
    expect(seen).toEqual([0, 1, 2, 0, 1]);
  });

  it('holds each scene for its own seconds', () => {
    const second = tourReducer(tourStart, { kind: 'elapsed' }, scenes.length);
    expect(sceneDelayMs(tourStart, scenes)).toBe(30_000);
    expect(sceneDelayMs(second, scenes)).toBe(20_000);
  });

  it('stops on a touch and resumes on the same scene after the idle time', () => {
    const touched = tourReducer({ ...tourStart, index: 2 }, { kind: 'touched' }, scenes.length);
    expect(touched.paused).toBe(true);
    expect(sceneDelayMs(touched, scenes)).toBeNull();
    expect(tourReducer(touched, { kind: 'elapsed' }, scenes.length).index).toBe(2);
    const resumed = tourReducer(touched, { kind: 'idle' }, scenes.length);
    expect(resumed).toMatchObject({ index: 2, paused: false });
    expect(resumed.step).toBeGreaterThan(touched.step);
  });

  it('restarts the idle wait on every touch while paused', () => {
    const once = tourReducer(tourStart, { kind: 'touched' }, scenes.length);
    const twice = tourReducer(once, { kind: 'touched' }, scenes.length);
    expect(twice.step).toBeGreaterThan(once.step);
  });

  it('shows the whole city, still, without a configured tour', () => {
    const fallback = scenesOf([]);
    expect(fallback).toEqual([wholeCityScene]);
    expect(sceneDelayMs(tourStart, fallback)).toBeNull();
    expect(tourReducer(tourStart, { kind: 'elapsed' }, 1)).toBe(tourStart);
  });
});
