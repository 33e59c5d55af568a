import type { ErrorData } from 'hls.js';

/** Why a stream does not play, for the player's alert (video.json, reason.*). */
export type StreamFailure =
  | { code: 'notFound' | 'http'; status: number }
  | { code: 'network' | 'timeout' | 'decode' | 'unsupported' | 'notPlaylist' }
  | { code: 'origin'; origin: string }
  | { code: 'other'; detail: string };

/** Who plays the stream: the browser itself, or hls.js over Media Source Extensions. */
export type PlaybackEngine = 'native' | 'hls.js';

export interface PlaybackEvents {
  onPlaying: (engine: PlaybackEngine) => void;
  /** The stream has stopped for good (this attempt): the caller detaches and retries later. */
  onFailed: (failure: StreamFailure) => void;
}

const hlsMediaType = 'application/vnd.apple.mpegurl';

/**
 * Play an HLS stream in `video` until `signal` aborts: natively where the browser plays HLS itself (Safari, recent
 * Chromium), else through hls.js over Media Source Extensions (imported here, so it loads with the player only).
 * Each failure is reported once, with its reason; retrying is the caller's (use-stream.ts).
 */
export async function playStream(
  video: HTMLVideoElement,
  url: string,
  events: PlaybackEvents,
  signal: AbortSignal,
): Promise<void> {
  const engine: PlaybackEngine = video.canPlayType(hlsMediaType) === '' ? 'hls.js' : 'native';
  const onPlaying = () => events.onPlaying(engine);
  video.addEventListener('playing', onPlaying);
  signal.addEventListener('abort', () => video.removeEventListener('playing', onPlaying), { once: true });
  if (engine === 'native') {
    playNatively(video, url, events, signal);
    return;
  }
  const { default: Hls } = await import('hls.js');
  if (signal.aborted) return;
  if (!Hls.isSupported()) {
    events.onFailed({ code: 'unsupported' });
    return;
  }
  // No retries of the playlist inside hls.js: a stream that is not there is said at once, and the player's own
  // backoff retries it (segments keep hls.js's retries: one lost segment is not worth an alert).
  const hls = new Hls({
    manifestLoadPolicy: {
      default: { maxTimeToFirstByteMs: 10_000, maxLoadTimeMs: 20_000, timeoutRetry: null, errorRetry: null },
    },
  });
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) events.onFailed(failureOfHls(data));
  });
  hls.on(Hls.Events.MANIFEST_PARSED, () => {
    video.play().catch(() => undefined);
  });
  signal.addEventListener('abort', () => hls.destroy(), { once: true });
  hls.loadSource(url);
  hls.attachMedia(video);
}

function playNatively(
  video: HTMLVideoElement,
  url: string,
  events: PlaybackEvents,
  signal: AbortSignal,
): void {
  const onError = () => {
    // The element says only "network" or "not supported": ask the playlist itself what is wrong with it.
    const code = video.error?.code;
    void fetch(url, { method: 'HEAD', signal }).then(
      (response) =>
        events.onFailed(
          !response.ok
            ? httpFailure(response.status)
            : response.headers.get('content-type')?.startsWith('text/html')
              ? { code: 'notPlaylist' }
              : code === MediaError.MEDIA_ERR_NETWORK
                ? { code: 'network' }
                : { code: 'decode' },
        ),
      () => !signal.aborted && events.onFailed({ code: 'network' }),
    );
  };
  video.addEventListener('error', onError);
  signal.addEventListener(
    'abort',
    () => {
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    },
    { once: true },
  );
  video.src = url;
  video.play().catch(() => undefined);
}

const httpFailure = (status: number): StreamFailure => ({
  code: status === 404 || status === 410 ? 'notFound' : 'http',
  status,
});

function failureOfHls(data: ErrorData): StreamFailure {
  // hls.js's enums are values of the lazily imported module: compared here by their strings.
  const type: string = data.type;
  const details: string = data.details;
  if (type === 'networkError') {
    const status = data.response?.code ?? 0;
    if (status >= 400) return httpFailure(status);
    return /timeout/i.test(details) ? { code: 'timeout' } : { code: 'network' };
  }
  // A page where the playlist should be (a static server's fallback for a path it lacks).
  if (details === 'manifestParsingError') return { code: 'notPlaylist' };
  if (type === 'mediaError') return { code: 'decode' };
  return { code: 'other', detail: details };
}
