import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Period } from '../../../domain/indicators';
import { frameMs, frameOf, nextDay, type PlaybackSpeed } from './playback';

export interface Playback {
  day: number | null;
  playing: boolean;
  speed: PlaybackSpeed;
  frame: Period;
  play: () => void;
  pause: () => void;
  /** Back to the whole window. */
  stop: () => void;
  scrub: (day: number) => void;
  setSpeed: (speed: PlaybackSpeed) => void;
}

/** The playback bar's state: which day of the window is shown, and the timer that moves it on. */
export function usePlayback(window: Period): Playback {
  const [day, setDay] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaybackSpeed>(1);
  const [shownWindow, setShownWindow] = useState(window);
  if (shownWindow !== window) {
    // A new window starts from its whole extent (React's "adjust state when a prop changes" pattern).
    setShownWindow(window);
    setDay(null);
    setPlaying(false);
  }
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = nextDay(window, day);
      if (next === null) setPlaying(false);
      else setDay(next);
    }, frameMs(speed));
    return () => clearTimeout(timer);
  }, [playing, speed, window, day]);
  const frame = useMemo(() => frameOf(window, day), [window, day]);
  const play = useCallback(() => {
    setDay((current) => (current === null || nextDay(window, current) === null ? 0 : current));
    setPlaying(true);
  }, [window]);
  return {
    day,
    playing,
    speed,
    frame,
    play,
    pause: useCallback(() => setPlaying(false), []),
    stop: useCallback(() => {
      setPlaying(false);
      setDay(null);
    }, []),
    scrub: useCallback((next: number) => setDay(next), []),
    setSpeed,
  };
}
