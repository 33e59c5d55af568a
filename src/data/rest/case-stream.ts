import { caseEventSchema, type CaseFeature } from '../../contract/schemas/contract.schema';
import { reconnectDelay } from './backoff';

/*
 * The provider's case stream (`GET {base}/cases/stream`, Server-Sent Events): every new or changed case, with
 * the connection's state for the UI. On any drop the source is closed and reopened with backoff, resuming after
 * the last event seen (`?lastEventId=`, which the contract accepts beside the header EventSource sends itself),
 * so nothing is lost and — since cases replace by id — nothing counts twice. While the browser reports itself
 * offline no attempt is made; coming back online reconnects at once.
 */
export type StreamState =
  | { kind: 'connecting' }
  | { kind: 'live'; since: number }
  | { kind: 'reconnecting'; attempt: number; lostAt: number; offline: boolean };

/** The part of EventSource used here, so tests can drive a fake one. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** What a reader of the live cases hears, whatever provider streams them (ProviderAdapter.caseStream). */
export interface CaseStreamHandlers {
  onCase: (feature: CaseFeature) => void;
  onState: (state: StreamState) => void;
  /** Called once the stream is live again after a drop: a reader far behind may have missed the replay buffer. */
  onResume?: () => void;
  /** Called with the running count of events that failed the contract (they are dropped, never applied). */
  onRejected?: (count: number) => void;
  /** Where `online` / `offline` are heard and `navigator.onLine` read (the window in the app). */
  network?: { target: EventTarget; isOnline: () => boolean };
}

/** Opens the stream with these handlers; the answer closes it. */
export type CaseStreamOpener = (handlers: CaseStreamHandlers) => () => void;

export interface CaseStreamOptions extends CaseStreamHandlers {
  /** The stream's URL, `{base}/cases/stream`. */
  url: string;
  openSource?: (url: string) => EventSourceLike;
  now?: () => number;
  random?: () => number;
}

export function withLastEventId(url: string, lastEventId: string | null): string {
  if (lastEventId === null) return url;
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}lastEventId=${encodeURIComponent(lastEventId)}`;
}

export function subscribeCaseStream(options: CaseStreamOptions): () => void {
  const now = options.now ?? Date.now;
  const open = options.openSource ?? ((url: string) => new EventSource(url));
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEventId: string | null = null;
  let attempt = 0;
  let lostAt: number | null = null;
  let stopped = false;
  let rejected = 0;
  const online = () => options.network?.isOnline() ?? true;

  const connect = () => {
    clearTimeout(timer);
    source?.close();
    source = null;
    if (stopped) return;
    if (!online()) {
      drop(true);
      return;
    }
    const current = open(withLastEventId(options.url, lastEventId));
    source = current;
    if (lostAt === null) options.onState({ kind: 'connecting' });
    current.addEventListener('open', () => {
      if (source !== current) return;
      const resumed = lostAt !== null;
      attempt = 0;
      lostAt = null;
      options.onState({ kind: 'live', since: now() });
      if (resumed) options.onResume?.();
    });
    current.addEventListener('case', (event) => {
      if (source !== current || !(event instanceof MessageEvent)) return;
      if (event.lastEventId) lastEventId = event.lastEventId;
      const parsed = caseEventSchema.safeParse(parseJson(event.data));
      if (parsed.success) options.onCase(parsed.data);
      else options.onRejected?.((rejected += 1));
    });
    current.addEventListener('error', (event) => {
      // A server-sent `event: error` frame (the mock's refusal of one bad case) is data, not a dropped link.
      if (source !== current || event instanceof MessageEvent) return;
      drop(false);
    });
  };

  function drop(offline: boolean) {
    source?.close();
    source = null;
    clearTimeout(timer);
    lostAt ??= now();
    options.onState({ kind: 'reconnecting', attempt, lostAt, offline });
    if (offline) return;
    timer = setTimeout(connect, reconnectDelay(attempt, options.random));
    attempt += 1;
  }

  const goneOffline = () => drop(true);
  const backOnline = () => {
    attempt = 0;
    connect();
  };
  options.network?.target.addEventListener('offline', goneOffline);
  options.network?.target.addEventListener('online', backOnline);
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    source = null;
    options.network?.target.removeEventListener('offline', goneOffline);
    options.network?.target.removeEventListener('online', backOnline);
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
