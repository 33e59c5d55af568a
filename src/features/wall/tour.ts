import type { RuntimeConfig } from '../../domain/runtime-config';

/**
 * The wall's tour as a pure state machine: scenes advance on a timer, a touch pauses the tour, and it resumes
 * by itself after an idle time so a wall someone fiddled with never stays frozen on one view.
 */
export type TourScene = RuntimeConfig['wall']['tour'][number];

export interface TourState {
  index: number;
  paused: boolean;
  /** Bumped on every change, so the scene timer restarts even when the index comes round to the same value. */
  step: number;
}

export type TourEvent = { kind: 'elapsed' } | { kind: 'touched' } | { kind: 'idle' };

export const tourStart: TourState = { index: 0, paused: false, step: 0 };

/** The city as a whole, shown when no tour is configured. */
export const wholeCityScene: TourScene = { seconds: 60 };

export function scenesOf(tour: readonly TourScene[]): readonly TourScene[] {
  return tour.length > 0 ? tour : [wholeCityScene];
}

export function tourReducer(state: TourState, event: TourEvent, sceneCount: number): TourState {
  switch (event.kind) {
    case 'elapsed':
      if (state.paused || sceneCount < 2) return state;
      return { index: (state.index + 1) % sceneCount, paused: false, step: state.step + 1 };
    case 'touched':
      return { ...state, paused: true, step: state.step + 1 };
    case 'idle':
      return state.paused ? { ...state, paused: false, step: state.step + 1 } : state;
  }
}

/** How long the current scene stays, or null when nothing should advance (paused, or a single scene). */
export function sceneDelayMs(state: TourState, scenes: readonly TourScene[]): number | null {
  if (state.paused || scenes.length < 2) return null;
  const scene = scenes[state.index % scenes.length];
  return scene ? scene.seconds * 1000 : null;
}
