import { describe, expect, it, vi } from 'vitest';
import { CaseBatcher, type Schedule } from './case-batch';
import { sampleCase, sampleCases, sampleGridIds } from '../contract/columnar/case.fixtures';
import { LiveCases, type StreamedCase } from './live-cases';

/** A schedule driven by the test: `tick()` runs what is due, as a frame would. */
function manualSchedule(): { schedule: Schedule; tick: () => void; pending: () => number } {
  let due: (() => void)[] = [];
  return {
    schedule: (run) => void due.push(run),
    tick: () => {
      const now = due;
      due = [];
      for (const run of now) run();
    },
    pending: () => due.length,
  };
}

describe('CaseBatcher', () => {
  it('hands a burst over once, in arrival order, and schedules once per batch', () => {
    const clock = manualSchedule();
    const deliver = vi.fn();
    const batcher = new CaseBatcher<number>(deliver, clock.schedule);
    for (let index = 0; index < 5; index += 1) batcher.push(index);
    expect(clock.pending()).toBe(1);
    expect(deliver).not.toHaveBeenCalled();
    clock.tick();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenLastCalledWith([0, 1, 2, 3, 4]);
    batcher.push(5);
    clock.tick();
    expect(deliver).toHaveBeenLastCalledWith([5]);
    clock.tick();
    expect(deliver).toHaveBeenCalledTimes(2);
  });

  it('flushes what is queued when asked (the stream closing), and nothing twice', () => {
    const clock = manualSchedule();
    const deliver = vi.fn();
    const batcher = new CaseBatcher<number>(deliver, clock.schedule);
    batcher.push(1);
    batcher.push(2);
    batcher.flush();
    expect(deliver).toHaveBeenLastCalledWith([1, 2]);
    clock.tick();
    expect(deliver).toHaveBeenCalledTimes(1);
  });
});

describe('LiveCases.applyAll with a batcher', () => {
  it('publishes once per batch, with every new case an arrival in order, as if applied one by one', () => {
    const clock = manualSchedule();
    const live = new LiveCases();
    live.reset(sampleCases(50), sampleGridIds, 'w', 1_000);
    const one = new LiveCases();
    one.reset(sampleCases(50), sampleGridIds, 'w', 1_000);
    const listener = vi.fn();
    live.subscribe(listener);
    const batcher = new CaseBatcher<StreamedCase>((batch) => live.applyAll(batch), clock.schedule);
    // New cases, a repeat, and a change of an existing case (C3 moves on in the loop).
    const events: StreamedCase[] = [
      { feature: sampleCase(50), at: 2_000 },
      { feature: sampleCase(51), at: 2_001 },
      { feature: sampleCase(50), at: 2_002 },
      { feature: sampleCase(3, { status: 'closed' }), at: 2_003 },
      { feature: sampleCase(52), at: 2_004 },
    ];
    for (const event of events) {
      batcher.push(event);
      one.apply(event.feature, event.at);
    }
    clock.tick();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(live.snapshot().arrivals).toEqual(one.snapshot().arrivals);
    expect(live.snapshot().arrivals.map((item) => item.id)).toEqual(['C50', 'C51', 'C52']);
    const [a, b] = [live.snapshot().columns, one.snapshot().columns];
    expect(a.count).toBe(53);
    expect(Array.from(a.stage.subarray(0, a.count))).toEqual(Array.from(b.stage.subarray(0, b.count)));
    expect(a.caseAt(3)?.status).toBe('closed');
  });

  it('publishes nothing for a batch that changes nothing', () => {
    const live = new LiveCases();
    live.reset(sampleCases(10), sampleGridIds, 'w', 1_000);
    const listener = vi.fn();
    live.subscribe(listener);
    // A stale event: the case is already further on in the loop than the event says.
    expect(live.applyAll([{ feature: sampleCase(5, { status: 'reported' }), at: 2_000 }])).toBe(0);
    expect(listener).not.toHaveBeenCalled();
  });
});
