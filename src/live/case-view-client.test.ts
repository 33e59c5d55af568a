import { describe, expect, it } from 'vitest';
import { caseCategories, caseChannels, caseStages, satisfactionLevels } from '../domain/case';
import { sampleCase, sampleGridIds, sampleStart } from '../contract/columnar/case.fixtures';
import { caseWeights, type CaseSelection, type CaseWeight } from './case-selection';
import { caseViewOf, type CaseView } from './case-view';
import { CaseViewClient, inProcessPort, type AnsweredView } from './case-view-client';
import { LiveCases } from './live-cases';

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hour = 3_600_000;
const pick = <T>(next: () => number, values: readonly T[]): T =>
  values[Math.floor(next() * values.length)] as T;
const someOf = <T>(next: () => number, values: readonly T[]): Set<T> =>
  new Set(next() < 0.5 ? [] : values.filter(() => next() < 0.4));

/** Everything a view holds, typed arrays as plain arrays, for a deep comparison. */
function plain(view: CaseView) {
  return {
    rows: Array.from(view.rows),
    points: [view.points.count, Array.from(view.points.positions), Array.from(view.points.stage)],
    heat: [view.heat.count, Array.from(view.heat.positions), Array.from(view.heat.stage)],
    latest: view.latest,
    overdue: view.overdue,
    funnel: view.funnel,
  };
}

function randomSelection(next: () => number): CaseSelection {
  const from = sampleStart + Math.floor(next() * 200) * hour;
  return {
    from,
    to: from + Math.floor(next() * 2_000) * hour,
    stages: someOf(next, caseStages),
    categories: someOf(next, caseCategories),
    channels: someOf(next, caseChannels),
    overdueOnly: next() < 0.3,
    departments: new Set(),
    gridsInRegion: next() < 0.3 ? Uint8Array.from(sampleGridIds, () => (next() < 0.5 ? 1 : 0)) : null,
    now: sampleStart + Math.floor(next() * 3_000) * hour,
  };
}

/** Let the client's queue (one column a task) and the answers run until `done`, or give up after many tasks. */
async function settle(done: () => boolean = () => false): Promise<void> {
  for (let task = 0; task < 200 && !done(); task += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('CaseViewClient (the view worker over its own copy of the columns)', () => {
  it('answers the same view as the full derivation, over random streams, refetches and filter changes', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const live = new LiveCases();
      let nextIndex = Math.floor(next() * 80);
      live.reset(
        Array.from({ length: nextIndex }, (_, index) => sampleCase(index)),
        sampleGridIds,
        'w',
        1_000,
      );
      const client = new CaseViewClient(inProcessPort);
      let answer: AnsweredView | null = null;
      let selection = randomSelection(next);
      let weight: CaseWeight = 'all';
      for (let step = 0; step < 60; step += 1) {
        const roll = next();
        if (roll < 0.45) {
          // A batch of streamed cases: new ones, and changes that move existing cases on in the loop.
          const batch = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
            if (nextIndex === 0 || next() < 0.5) return { feature: sampleCase(nextIndex++), at: 2_000 };
            const index = Math.floor(next() * nextIndex);
            const status = pick(next, caseStages);
            const closed = status === 'closed';
            return {
              feature: sampleCase(index, {
                status,
                category: pick(next, caseCategories),
                closedAt: closed ? new Date(sampleStart + index * 7 * hour + 30 * hour).toISOString() : null,
                satisfaction: closed ? pick(next, satisfactionLevels) : null,
              }),
              at: 2_000,
            };
          });
          live.applyAll(batch);
        } else if (roll < 0.55) {
          // A refetch: new columns (the worker gets a new copy).
          live.reset(
            Array.from({ length: nextIndex }, (_, index) => sampleCase(index)),
            sampleGridIds,
            next() < 0.5 ? 'w' : 'other',
            3_000,
          );
        } else {
          selection = randomSelection(next);
          weight = pick(next, caseWeights);
        }
        const { columns, version } = live.snapshot();
        client.request(columns, version, selection, weight, (answered) => (answer = answered));
        await settle(() => answer?.version === version && answer.columns === columns);
        const got = answer as AnsweredView | null;
        expect(got?.version, `seed ${seed} step ${step}`).toBe(version);
        expect(got?.columns).toBe(columns);
        expect(
          plain(got?.view ?? caseViewOf(columns, selection, weight)),
          `seed ${seed} step ${step}`,
        ).toEqual(plain(caseViewOf(columns, selection, weight)));
      }
      client.dispose();
    }
  });

  it('keeps one request in flight and answers the newest of those that waited, never an older one after it', async () => {
    const live = new LiveCases();
    live.reset(
      Array.from({ length: 40 }, (_, index) => sampleCase(index)),
      sampleGridIds,
      'w',
      1_000,
    );
    const client = new CaseViewClient(inProcessPort);
    const answers: AnsweredView[] = [];
    const wide: CaseSelection = {
      from: 0,
      to: Number.MAX_SAFE_INTEGER,
      stages: new Set(),
      categories: new Set(),
      channels: new Set(),
      overdueOnly: false,
      departments: new Set(),
      gridsInRegion: null,
      now: sampleStart,
    };
    // Three changes within one frame: the first is derived, the middle one is skipped, the last is derived.
    const { columns } = live.snapshot();
    client.request(columns, 1, wide, 'all', (answer) => answers.push(answer));
    live.apply(sampleCase(40), 2_000);
    client.request(columns, 2, wide, 'all', (answer) => answers.push(answer));
    live.apply(sampleCase(41), 2_001);
    client.request(columns, 3, wide, 'all', (answer) => answers.push(answer));
    await settle(() => answers.length >= 2);
    await settle();
    expect(answers.map((answer) => answer.version)).toEqual([1, 3]);
    // Every case is in one of the two: in the grids (rows) or outside them (one in eleven samples has no grid).
    expect(answers.map((answer) => answer.view.rows.length + answer.view.outsideGrids.total)).toEqual([
      40, 42,
    ]);
    expect(answers.map((answer) => answer.view.outsideGrids.total)).toEqual([4, 4]);
    client.dispose();
  });
});
