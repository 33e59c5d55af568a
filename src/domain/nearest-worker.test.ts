import { describe, expect, it } from 'vitest';
import { gridId, workerId } from './ids';
import { nearestWorker, type WorkerCandidate } from './nearest-worker';
import { metresBetween } from './workers';

/**
 * Figures worked by hand: on a sphere of radius R = 6,371,008.8 m a degree of latitude is 2πR / 360 =
 * 40,030,228.9 / 360 = 111,195.08 m, so 0.01° north is 1,111.95 m, 0.005° is 555.98 m and 0.001° is 111.20 m.
 */
const site = { position: [112.85, 35.5] as const, gridId: gridId('G1') };
const worker = (id: string, grid: string, north: number, onDuty = true): WorkerCandidate => ({
  workerId: workerId(id),
  gridIds: [gridId(grid)],
  position: [112.85, 35.5 + north],
  onDuty,
});

describe('metresBetween', () => {
  it('is 111,195.08 m a degree along a meridian', () => {
    expect(metresBetween([112.85, 35.5], [112.85, 35.51])).toBeCloseTo(1111.95, 2);
    expect(metresBetween([0, 0], [0, 1])).toBeCloseTo(111_195.08, 1);
  });
  it('shrinks with the cosine of the latitude along a parallel: 0.01° at 60° N is 555.98 m', () => {
    expect(metresBetween([10, 60], [10.01, 60])).toBeCloseTo(555.98, 1);
  });
});

describe('nearestWorker', () => {
  const own = worker('A', 'G1', 0.01);
  const neighbour = worker('B', 'G2', 0.001);
  const offDuty = worker('C', 'G1', 0.0001, false);

  it("sends the case's own grid worker before a nearer one from another grid", () => {
    expect(nearestWorker(site, [neighbour, own, offDuty])).toEqual({
      workerId: 'A',
      metres: expect.closeTo(1111.95, 2) as number,
      inCaseGrid: true,
    });
  });
  it('takes the nearer of two workers of the grid', () => {
    const second = worker('D', 'G1', 0.005);
    const chosen = nearestWorker(site, [own, second, neighbour]);
    expect(chosen?.workerId).toBe('D');
    expect(chosen?.metres).toBeCloseTo(555.98, 1);
  });
  it('falls back to the nearest on duty in a straight line when the grid has none on duty', () => {
    const chosen = nearestWorker({ ...site, gridId: gridId('G3') }, [own, neighbour, offDuty]);
    expect(chosen).toEqual({ workerId: 'B', metres: expect.closeTo(111.2, 1) as number, inCaseGrid: false });
    expect(nearestWorker({ ...site, gridId: null }, [own, neighbour])?.workerId).toBe('B');
  });
  it('never proposes a worker off duty, and nobody when nobody is on duty', () => {
    expect(nearestWorker(site, [offDuty])).toBeNull();
    expect(nearestWorker(site, [])).toBeNull();
  });
});
