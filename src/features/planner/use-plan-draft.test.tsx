// @vitest-environment jsdom
// jsdom for React's hooks; IndexedDB is replaced by an in-memory store with the same contract (below).
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyDraftKey, isCopyKey, workingDraftKey, type PlanDraft } from '../../data/drafts/draft';
import { gridId } from '../../domain/ids';
import { updateGridProperties } from '../../geo/plan/actions/update-grid-properties.action';
import { sharedEdgesPlan } from '../../geo/plan/fixtures/plan.fixtures';
import { transact } from '../../geo/plan/history';
import type { Plan } from '../../geo/plan/plan';
import { freshDraft, usePlanDraft } from './use-plan-draft';

/** The draft store as the hook sees it: a structured clone in and out, like IndexedDB; writes can be made to fail. */
const stored = vi.hoisted(() => ({
  drafts: new Map<string, unknown>(),
  failWrites: null as Error | null,
}));
vi.mock('../../data/drafts/draft-store', () => ({
  writeDraft: (draft: PlanDraft) => {
    if (stored.failWrites) return Promise.reject(stored.failWrites);
    stored.drafts.set(draft.key, structuredClone(draft));
    return Promise.resolve();
  },
  readDraft: (key: string) =>
    Promise.resolve(structuredClone(stored.drafts.get(key)) as PlanDraft | undefined),
  listDrafts: () => Promise.resolve([...stored.drafts.values()]),
  deleteDraft: (key: string) => {
    stored.drafts.delete(key);
    return Promise.resolve();
  },
}));

afterEach(() => {
  stored.drafts.clear();
  stored.failWrites = null;
});

const community = sharedEdgesPlan.communityId;
const workingKey = workingDraftKey(community);
const rename = (plan: Plan, serial: number, name: string) =>
  updateGridProperties(plan, { gridId: gridId(`C1-G${serial}`), changes: { name } });
const storedDraft = (key: string) => stored.drafts.get(key) as PlanDraft | undefined;
const storedNames = (key: string) => storedDraft(key)?.plan.grids.map((grid) => grid.properties.name);
const copies = () => [...stored.drafts.keys()].filter(isCopyKey);

/** A draft already in storage, as an earlier session left it: the server plan with one rename. */
function leaveDraft(key: string, name: string): PlanDraft {
  const base = freshDraft(key, '示范社区', sharedEdgesPlan);
  const history = transact(base.history, rename(sharedEdgesPlan, 1, name));
  const draft = { ...base, history, plan: history.plan, savedAt: '2026-11-22T08:00:00.000Z' };
  stored.drafts.set(key, structuredClone(draft));
  return draft;
}

async function openPlanner() {
  const hook = renderHook(() => usePlanDraft(community, '示范社区', sharedEdgesPlan));
  await waitFor(() => expect(hook.result.current.draft).not.toBeNull());
  return hook;
}

/** Every queued write has landed: the hook awaits its writes in order, so one more tick after a no-op suffices. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('usePlanDraft', () => {
  it('keeps the working draft when a resumed copy is kept as a copy again after a conflict', async () => {
    leaveDraft(workingKey, '工作草稿的改名');
    const copyKey = copyDraftKey(community, new Date('2026-11-22T09:00:00.000Z'));
    leaveDraft(copyKey, '副本的改名');
    const { result } = await openPlanner();

    await act(() => result.current.resume(copyKey));
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 2, '副本上的新改名')));
    await act(async () => {
      expect(await result.current.keepAsCopy(sharedEdgesPlan)).toBe(true);
    });
    await settle();

    expect(storedNames(workingKey)).toContain('工作草稿的改名');
    const kept = copies().flatMap(storedNames);
    expect(kept).toContain('副本的改名');
    expect(kept).toContain('副本上的新改名');
    // Editing on afterwards does not write over either of them.
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 3, '之后的改名')));
    await settle();
    expect(copies().flatMap(storedNames)).toContain('副本上的新改名');
    expect(storedNames(workingKey)).toContain('工作草稿的改名');
  });

  it('keeps the working draft when a resumed copy is saved and editing goes on', async () => {
    leaveDraft(workingKey, '工作草稿的改名');
    const copyKey = copyDraftKey(community, new Date('2026-11-22T09:00:00.000Z'));
    leaveDraft(copyKey, '副本的改名');
    const { result } = await openPlanner();

    await act(() => result.current.resume(copyKey));
    await act(() => result.current.saved(2));
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 3, '保存后的改名')));
    await settle();

    expect(storedDraft(copyKey)).toBeUndefined();
    expect(storedNames(workingKey)).toContain('工作草稿的改名');
  });

  it('keeps the working draft when a resumed copy is discarded', async () => {
    leaveDraft(workingKey, '工作草稿的改名');
    const copyKey = copyDraftKey(community, new Date('2026-11-22T09:00:00.000Z'));
    leaveDraft(copyKey, '副本的改名');
    const { result } = await openPlanner();

    await act(() => result.current.resume(copyKey));
    await act(() => result.current.discard(sharedEdgesPlan));
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 3, '丢弃后的改名')));
    await settle();

    expect(storedDraft(copyKey)).toBeUndefined();
    expect(storedNames(workingKey)).toContain('工作草稿的改名');
  });

  it('keeps two copies kept in the same millisecond apart', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
    try {
      const { result } = await openPlanner();
      for (const name of ['第一次', '第二次']) {
        act(() => result.current.transactChange(rename(result.current.draft!.plan, 1, name)));
        await act(async () => {
          expect(await result.current.keepAsCopy(sharedEdgesPlan)).toBe(true);
        });
      }
      await settle();
      expect(copies().flatMap(storedNames)).toEqual(expect.arrayContaining(['第一次', '第二次']));
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a conflict kept as a copy, the working draft starts from the server and the copy holds the work', async () => {
    const { result } = await openPlanner();
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 1, '我的改名')));
    await act(async () => {
      expect(await result.current.keepAsCopy(sharedEdgesPlan)).toBe(true);
    });
    await settle();
    expect(copies().flatMap(storedNames)).toContain('我的改名');
    expect(result.current.draft?.key).toBe(workingKey);
    expect(result.current.draft?.plan.grids.map((grid) => grid.properties.name)).not.toContain('我的改名');
  });

  it('on a full disk, says so and keeps both the plan in memory and the last stored draft', async () => {
    const { result } = await openPlanner();
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 1, '已存的改名')));
    await settle();
    stored.failWrites = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 2, '未能存下的改名')));
    await settle();

    expect(result.current.persistError).toMatch(/quota/);
    expect(result.current.draft?.plan.grids.map((grid) => grid.properties.name)).toContain('未能存下的改名');
    expect(storedNames(workingKey)).toContain('已存的改名');
    // A copy cannot be kept either: the working draft is not given up for it.
    await act(async () => {
      expect(await result.current.keepAsCopy(sharedEdgesPlan)).toBe(false);
    });
    expect(result.current.draft?.plan.grids.map((grid) => grid.properties.name)).toContain('未能存下的改名');

    stored.failWrites = null;
    act(() => result.current.transactChange(rename(result.current.draft!.plan, 3, '恢复后')));
    await settle();
    expect(result.current.persistError).toBeNull();
    expect(storedNames(workingKey)).toEqual(expect.arrayContaining(['未能存下的改名', '恢复后']));
  });
});
