import { describe, expect, it } from 'vitest';
import { createClusterHandler } from './cluster-protocol';

describe('camera cluster worker protocol', () => {
  it('answers a view with clusters that account for every camera and every online one', () => {
    const handle = createClusterHandler();
    const count = 3_000;
    const positions = new Float32Array(count * 2);
    const online = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      positions[i * 2] = 112 + (i % 50) * 0.01;
      positions[i * 2 + 1] = 35.5 + Math.floor(i / 50) * 0.01;
      online[i] = i % 3 === 0 ? 0 : 1;
    }
    const loaded = handle({ kind: 'load', generation: 1, positions, online });
    expect(loaded.reply.kind).toBe('loaded');
    const { reply } = handle({
      kind: 'clusters',
      requestId: 7,
      generation: 1,
      bbox: [111, 35, 113, 37],
      zoom: 8,
    });
    if (reply.kind !== 'clusters') throw new Error('expected clusters');
    expect(reply.requestId).toBe(7);
    expect(reply.counts.length).toBeGreaterThan(0);
    expect(reply.counts.length).toBeLessThan(count);
    expect(reply.counts.reduce((sum, n) => sum + n, 0)).toBe(count);
    expect(reply.online.reduce((sum, n) => sum + n, 0)).toBe(online.reduce((sum, n) => sum + n, 0));
  });

  it('answers a superseded generation with no clusters rather than stale ones', () => {
    const handle = createClusterHandler();
    handle({
      kind: 'load',
      generation: 2,
      positions: new Float32Array([112, 36]),
      online: new Uint8Array([1]),
    });
    const { reply } = handle({
      kind: 'clusters',
      requestId: 1,
      generation: 1,
      bbox: [111, 35, 113, 37],
      zoom: 8,
    });
    expect(reply.kind === 'clusters' && reply.counts.length).toBe(0);
  });
});
