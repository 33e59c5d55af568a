import { useEffect, useReducer } from 'react';
import { sceneDelayMs, tourReducer, tourStart, type TourScene, type TourState } from './tour';

/** Touches, clicks, keys and wheels all count as someone using the wall. */
const touchEvents = ['pointerdown', 'keydown', 'wheel'] as const;

/** Drives the tour's state machine from timers and from the people in the room. */
export function useTour(scenes: readonly TourScene[], idleResumeSeconds: number): TourState {
  const [state, dispatch] = useReducer(
    (current: TourState, event: Parameters<typeof tourReducer>[1]) =>
      tourReducer(current, event, scenes.length),
    tourStart,
  );
  const delay = sceneDelayMs(state, scenes);

  useEffect(() => {
    if (delay === null) return;
    const timer = window.setTimeout(() => dispatch({ kind: 'elapsed' }), delay);
    return () => window.clearTimeout(timer);
  }, [delay, state.step]);

  useEffect(() => {
    if (!state.paused) return;
    const timer = window.setTimeout(() => dispatch({ kind: 'idle' }), idleResumeSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [state.paused, state.step, idleResumeSeconds]);

  useEffect(() => {
    const onTouch = () => dispatch({ kind: 'touched' });
    for (const name of touchEvents) window.addEventListener(name, onTouch, { passive: true });
    return () => {
      for (const name of touchEvents) window.removeEventListener(name, onTouch);
    };
  }, []);

  return state;
}
