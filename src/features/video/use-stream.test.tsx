// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaybackEvents } from './hls-playback';
import { useStream } from './use-stream';

/** The tries the hook made, each with its callbacks and whether it was stopped. */
const tries: { events: PlaybackEvents; signal: AbortSignal }[] = [];
vi.mock('./hls-playback', () => ({
  playStream: (_video: HTMLVideoElement, _url: string, events: PlaybackEvents, signal: AbortSignal) => {
    tries.push({ events, signal });
    return Promise.resolve();
  },
}));

const video = { current: document.createElement('video') };
const notFound = { code: 'notFound', status: 404 } as const;

beforeEach(() => {
  tries.length = 0;
  vi.useFakeTimers();
  // The backoff's jitter at its middle: 1 s, 2 s, 4 s … exactly.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a stream kept playing', () => {
  it('says why it failed and tries again after 1 s, 2 s, 4 s; a stream that plays starts the count again', () => {
    const { result } = renderHook(() => useStream(video, '/demo-video/stream.m3u8', null));
    expect(tries).toHaveLength(1);
    act(() => tries[0]!.events.onFailed(notFound));
    expect(result.current).toEqual({ kind: 'failed', failure: notFound, attempt: 1, retryInMs: 1000 });
    expect(tries[0]!.signal.aborted).toBe(true);

    act(() => {
      vi.advanceTimersByTime(999);
    });
    expect(tries).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(tries).toHaveLength(2);
    expect(result.current.kind).toBe('connecting');

    act(() => tries[1]!.events.onFailed({ code: 'network' }));
    expect(result.current).toMatchObject({ attempt: 2, retryInMs: 2000 });
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    act(() => tries[2]!.events.onFailed({ code: 'network' }));
    expect(result.current).toMatchObject({ attempt: 3, retryInMs: 4000 });

    act(() => {
      vi.advanceTimersByTime(4000);
    });
    act(() => tries[3]!.events.onPlaying('hls.js'));
    expect(result.current).toEqual({ kind: 'playing', engine: 'hls.js' });
    act(() => tries[3]!.events.onFailed({ code: 'decode' }));
    expect(result.current).toMatchObject({ attempt: 1, retryInMs: 1000 });
  });

  it('stops trying when the player closes', () => {
    const { unmount } = renderHook(() => useStream(video, '/demo-video/stream.m3u8', null));
    act(() => tries[0]!.events.onFailed(notFound));
    unmount();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(tries).toHaveLength(1);
  });

  it('never tries a stream the configuration refuses, and says so', () => {
    const refused = { code: 'origin', origin: 'https://elsewhere.example' } as const;
    const { result } = renderHook(() => useStream(video, 'https://elsewhere.example/a.m3u8', refused));
    expect(tries).toHaveLength(0);
    expect(result.current).toMatchObject({ kind: 'failed', failure: refused });
  });
});
