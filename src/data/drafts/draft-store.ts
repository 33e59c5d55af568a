import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { isPlanDraft, type PlanDraft } from './draft';

/**
 * Drafts in IndexedDB (idb-keyval), one entry per draft key. Every write is awaited by the caller: a write that
 * fails (quota, private mode) rejects, so the planner is told and the in-memory draft is kept.
 */
let store: UseStore | undefined;
const draftStore = (): UseStore => (store ??= createStore('gridboard-planner', 'drafts'));

export async function writeDraft(draft: PlanDraft): Promise<void> {
  await set(draft.key, draft, draftStore());
}

export async function readDraft(key: string): Promise<PlanDraft | undefined> {
  const value: unknown = await get(key, draftStore());
  return isPlanDraft(value) ? value : undefined;
}

/** Every draft, newest first. */
export async function listDrafts(): Promise<PlanDraft[]> {
  const all = await entries<IDBValidKey, unknown>(draftStore());
  return all
    .map(([, value]) => value)
    .filter(isPlanDraft)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function deleteDraft(key: string): Promise<void> {
  await del(key, draftStore());
}
