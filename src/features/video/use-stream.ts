import { useEffect, useState, type RefObject } from 'react';
import { reconnectDelay } from '../../data/rest/backoff';
import { playStream, type PlaybackEngine, type StreamFailure } from './hls-playback';

export type StreamState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'playing'; engine: PlaybackEngine }
  /** `attempt` counts the failures in a row; the next try starts after `retryInMs`. */
  | { kind: 'failed'; failure: StreamFailure; attempt: number; retryInMs: number };

/**
 * A stream played in `video` and kept playing: a failure is shown with its reason and retried after 1 s, 2 s,
 * 4 s … up to 30 s (the live stream's backoff, src/data/rest/backoff.ts), until it plays or the player closes.
 * `blocked` is a reason known before any try (an origin the configuration does not allow): shown, never retried.
 */
export function useStream(
  video: RefObject<HTMLVideoElement | null>,
  url: string | null,
  blocked: StreamFailure | null,
): StreamState {
  const [state, setState] = useState<StreamState>({ kind: 'idle' });
  useEffect(() => {
    const element = video.current;
    if (!element || url === null || blocked) return;
    let attempt = 0;
    let current: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      const controller = new AbortController();
      current = controller;
      setState({ kind: 'connecting' });
      const onFailed = (failure: StreamFailure) => {
        if (controller.signal.aborted) return;
        controller.abort();
        const retryInMs = reconnectDelay(attempt);
        attempt += 1;
        setState({ kind: 'failed', failure, attempt, retryInMs });
        timer = setTimeout(start, retryInMs);
      };
      const onPlaying = (engine: PlaybackEngine) => {
        attempt = 0;
        setState({ kind: 'playing', engine });
      };
      playStream(element, url, { onPlaying, onFailed }, controller.signal).catch((error: unknown) =>
        onFailed({ code: 'other', detail: error instanceof Error ? error.message : String(error) }),
      );
    };
    start();
    return () => {
      clearTimeout(timer);
      current?.abort();
    };
  }, [video, url, blocked]);
  return blocked ? { kind: 'failed', failure: blocked, attempt: 0, retryInMs: 0 } : state;
}
