import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegionId } from '../../domain/ids';
import { copyDraftKey, isCopyKey, workingDraftKey, type PlanDraft } from '../../data/drafts/draft';
import { deleteDraft, readDraft, writeDraft } from '../../data/drafts/draft-store';
import { redo, startHistory, transact, undo, type PlanHistory } from '../../geo/plan/history';
import type { Changeset, Plan } from '../../geo/plan/plan';
import { rebaseHistory } from './server-changes';

export function freshDraft(key: string, communityName: string, plan: Plan): PlanDraft {
  return {
    key,
    communityId: plan.communityId,
    communityName,
    plan,
    history: startHistory(plan),
    baseGrids: [...plan.grids],
    baseVersion: plan.baseVersion,
    savedAt: '',
  };
}

const withHistory = (draft: PlanDraft, history: PlanHistory): PlanDraft => ({
  ...draft,
  history,
  plan: history.plan,
});

export interface PlanDraftControls {
  draft: PlanDraft | null;
  /** The draft was found in IndexedDB when the community opened (a reload, a crash, a closed tab). */
  resumed: boolean;
  /** Why the last autosave failed, while it has not succeeded since; the draft in memory is intact. */
  persistError: string | null;
  transactChange: (changeset: Changeset) => void;
  undoChange: () => void;
  redoChange: () => void;
  discard: (serverPlan: Plan) => Promise<void>;
  resume: (key: string) => Promise<void>;
  saved: (version: number) => Promise<void>;
  rebase: (serverPlan: Plan) => void;
  keepAsCopy: (serverPlan: Plan) => Promise<boolean>;
}

/**
 * The community's draft and its one transaction log. Every change is written to IndexedDB, in order, and the
 * write is awaited: a failure is reported and the in-memory draft kept. The draft is removed from storage only
 * after the server accepted the plan.
 */
export function usePlanDraft(
  communityId: RegionId,
  communityName: string,
  serverPlan: Plan,
): PlanDraftControls {
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [resumed, setResumed] = useState(false);
  const [persistError, setPersistError] = useState<string | null>(null);
  const current = useRef<PlanDraft | null>(null);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const openedFor = useRef<RegionId | null>(null);
  const latestServerPlan = useRef(serverPlan);
  useEffect(() => {
    latestServerPlan.current = serverPlan;
  }, [serverPlan]);

  const show = useCallback((next: PlanDraft) => {
    current.current = next;
    setDraft(next);
  }, []);

  const persist = useCallback((next: PlanDraft): Promise<boolean> => {
    const write = writes.current.then(async () => {
      try {
        await writeDraft({ ...next, savedAt: new Date().toISOString() });
        setPersistError(null);
        return true;
      } catch (error) {
        setPersistError(error instanceof Error ? error.message : String(error));
        return false;
      }
    });
    writes.current = write;
    return write;
  }, []);

  const update = useCallback(
    (change: (draft: PlanDraft) => PlanDraft) => {
      if (!current.current) return;
      const next = change(current.current);
      show(next);
      void persist(next);
    },
    [show, persist],
  );

  /**
   * What opens once the draft `was` is done with (saved, kept as a copy, discarded). Storage holds one working
   * draft per community, and autosave writes the open draft under its key: so when `was` is a copy, the working
   * draft in storage is other work, and it is opened, never replaced by a fresh start that the next edit would
   * write over it. Only when `was` is the working draft itself does the server's plan start afresh.
   */
  const leave = useCallback(
    async (was: PlanDraft | null, plan: Plan): Promise<PlanDraft> => {
      const key = workingDraftKey(communityId);
      const working = was && was.key !== key ? await readDraft(key).catch(() => undefined) : undefined;
      const next = working ?? freshDraft(key, communityName, plan);
      setResumed(working !== undefined);
      show(next);
      return next;
    },
    [communityId, communityName, show],
  );

  useEffect(() => {
    if (openedFor.current === communityId) return;
    openedFor.current = communityId;
    let cancelled = false;
    void readDraft(workingDraftKey(communityId))
      .catch(() => undefined)
      .then((stored) => {
        if (cancelled) return;
        setResumed(stored !== undefined);
        show(stored ?? freshDraft(workingDraftKey(communityId), communityName, latestServerPlan.current));
      });
    return () => {
      cancelled = true;
    };
  }, [communityId, communityName, show]);

  return {
    draft,
    resumed,
    persistError,
    transactChange: (changeset) => update((d) => withHistory(d, transact(d.history, changeset))),
    undoChange: () => update((d) => withHistory(d, undo(d.history))),
    redoChange: () => update((d) => withHistory(d, redo(d.history))),
    rebase: (plan) =>
      update((d) => ({
        ...withHistory(d, rebaseHistory(d.history, plan)),
        baseGrids: [...plan.grids],
        baseVersion: plan.baseVersion,
      })),
    async discard(plan) {
      const was = current.current;
      if (was) await deleteDraft(was.key);
      await leave(was, plan);
    },
    async resume(key) {
      const stored = await readDraft(key);
      if (stored) show(stored);
    },
    async saved(version) {
      const was = current.current;
      if (!was) return;
      const grids = was.plan.grids.map((grid) => ({ ...grid, properties: { ...grid.properties, version } }));
      await writes.current;
      await deleteDraft(was.key);
      await leave(was, { ...was.plan, grids, baseVersion: version });
    },
    async keepAsCopy(plan) {
      const was = current.current;
      if (!was) return false;
      // A copy that is open stays under its own key; the working draft is parked under a new one.
      const copy = isCopyKey(was.key) ? was : { ...was, key: copyDraftKey(communityId, new Date()) };
      if (!(await persist(copy))) return false;
      const next = await leave(was, plan);
      // The working draft now lives on as the copy; storage takes the fresh start so a reload opens it.
      return next.key === was.key ? persist(next) : true;
    },
  };
}
