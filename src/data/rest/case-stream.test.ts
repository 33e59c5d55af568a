import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reconnectDelay } from './backoff';
import { sampleCase } from '../../contract/columnar/case.fixtures';
import { subscribeCaseStream, withLastEventId, type StreamState } from './case-stream';
import { FakeEventSource } from './event-source.fixtures';

class FakeSource extends FakeEventSource {
  send(id: number, index: number) {
    this.deliver(id, JSON.stringify(sampleCase(index)));
  }
}

describe('reconnectDelay', () => {
  it('doubles from one second up to thirty, spread by at most a fifth', () => {
    expect([0, 1, 2, 3, 10].map((attempt) => reconnectDelay(attempt, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 30000,
    ]);
    expect(reconnectDelay(2, () => 0)).toBe(3200);
    expect(reconnectDelay(2, () => 1)).toBe(4800);
  });
});

describe('subscribeCaseStream', () => {
  let sources: FakeSource[];
  let states: StreamState[];
  let network: EventTarget;
  let isOnline: boolean;
  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    states = [];
    network = new EventTarget();
    isOnline = true;
  });
  afterEach(() => vi.useRealTimers());

  const start = (onCase = vi.fn(), onResume = vi.fn()) => {
    const stop = subscribeCaseStream({
      url: '/api/cases/stream',
      onCase,
      onState: (state) => states.push(state),
      onResume,
      openSource: (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source;
      },
      network: { target: network, isOnline: () => isOnline },
      now: () => 1000,
      random: () => 0.5,
    });
    return { stop, onCase, onResume };
  };

  it('hands over parsed cases and reports live', () => {
    const { onCase } = start();
    sources[0]!.emit('open', new Event('open'));
    sources[0]!.send(7, 3);
    sources[0]!.emit('case', new MessageEvent('case', { data: '{"not":"a case"}', lastEventId: '8' }));
    expect(onCase).toHaveBeenCalledTimes(1);
    expect(states.map((state) => state.kind)).toEqual(['connecting', 'live']);
  });

  it('reopens after a drop with backoff, resuming after the last event, then reports live and resumed', () => {
    const { onResume } = start();
    sources[0]!.emit('open', new Event('open'));
    sources[0]!.send(41, 1);
    sources[0]!.emit('error', new Event('error'));
    expect(sources[0]!.closed).toBe(true);
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 0, offline: false });
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources[1]!.url).toBe('/api/cases/stream?lastEventId=41');
    sources[1]!.emit('error', new Event('error'));
    vi.advanceTimersByTime(1999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sources[2]!.emit('open', new Event('open'));
    expect(states.at(-1)?.kind).toBe('live');
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  it('waits while offline and reconnects as soon as the network is back', () => {
    start();
    sources[0]!.emit('open', new Event('open'));
    isOnline = false;
    network.dispatchEvent(new Event('offline'));
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', offline: true });
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
    isOnline = true;
    network.dispatchEvent(new Event('online'));
    expect(sources).toHaveLength(2);
  });

  it('ignores a server-sent error frame and closes everything on unsubscribe', () => {
    const { stop } = start();
    sources[0]!.emit('error', new MessageEvent('error', { data: '{"error":"invalid_response"}' }));
    expect(sources[0]!.closed).toBe(false);
    stop();
    expect(sources[0]!.closed).toBe(true);
    network.dispatchEvent(new Event('online'));
    expect(sources).toHaveLength(1);
  });

  it('adds the resume point to a URL that may already have a query', () => {
    expect(withLastEventId('/s?token=a', '5')).toBe('/s?token=a&lastEventId=5');
    expect(withLastEventId('/s', null)).toBe('/s');
  });
});
