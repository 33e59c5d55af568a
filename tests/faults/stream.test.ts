import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleCase, sampleGridIds } from '../../src/contract/columnar/case.fixtures';
import { subscribeCaseStream, type StreamState } from '../../src/data/rest/case-stream';
import { FakeEventSource } from '../../src/data/rest/event-source.fixtures';
import { LiveCases } from '../../src/live/live-cases';
import { streamFaults } from './catalogue';

const byId = Object.fromEntries(streamFaults.map((fault) => [fault.id, fault]));

describe('stream faults (the live cases layer)', () => {
  let streams: FakeEventSource[];
  let states: StreamState[];
  let store: LiveCases;
  let rejected: number;
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    streams = [];
    states = [];
    rejected = 0;
    store = new LiveCases();
    store.reset([sampleCase(0)], sampleGridIds, 'window', 0);
    stop = subscribeCaseStream({
      url: '/api/cases/stream',
      onCase: (feature) => store.apply(feature, 1),
      onState: (state) => states.push(state),
      onRejected: (count) => (rejected = count),
      openSource: (url) => {
        const stream = new FakeEventSource(url);
        streams.push(stream);
        return stream;
      },
      random: () => 0.5,
    });
    streams[0]!.emit('open', new Event('open'));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it(`${byId['stream-dropped']!.title}: reports reconnecting, then resumes after the last event`, () => {
    streams[0]!.deliver(5, JSON.stringify(sampleCase(1)));
    streams[0]!.emit('error', new Event('error'));
    expect(states.at(-1)?.kind).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(streams[1]!.url).toBe('/api/cases/stream?lastEventId=5');
    streams[1]!.emit('open', new Event('open'));
    expect(states.at(-1)?.kind).toBe('live');
    expect(store.snapshot().columns.count).toBe(2);
  });

  it(`${byId['stream-malformed-event']!.title}: drops it, counts it and keeps applying good ones`, () => {
    const before = store.snapshot().columns.count;
    streams[0]!.deliver(1, '{"type": "Feature", "geometry": ');
    streams[0]!.deliver(2, JSON.stringify({ ...sampleCase(9), properties: { id: 'X' } }));
    streams[0]!.deliver(3, JSON.stringify(sampleCase(2)));
    expect(rejected).toBe(2);
    expect(store.snapshot().columns.count).toBe(before + 1);
    expect(states.at(-1)?.kind).toBe('live');
  });

  it(`${byId['stream-flood']!.title}: applies each case once, without an error`, () => {
    const updates = 1000;
    const distinct = 400;
    for (let index = 0; index < updates; index += 1)
      streams[0]!.deliver(index + 10, JSON.stringify(sampleCase(1 + (index % distinct))));
    expect(rejected).toBe(0);
    // Sample case 0 was in the snapshot already; the flood repeats 400 distinct cases.
    expect(store.snapshot().columns.count).toBe(distinct + 1);
    expect(states.at(-1)?.kind).toBe('live');
  });
});
