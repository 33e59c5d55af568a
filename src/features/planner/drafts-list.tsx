import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editCount, isCopyKey, type PlanDraft } from '../../data/drafts/draft';
import { deleteDraft, listDrafts } from '../../data/drafts/draft-store';
import { useFormatTime } from '../../ui/time-format';

interface DraftsListProps {
  /** Only this community's drafts; all when absent. */
  communityId?: string;
  /** The draft open now, not offered again. */
  openKey?: string;
  /** Changes whenever a draft may have been written, to refresh the list. */
  refresh: unknown;
  onResume: (draft: PlanDraft) => void;
}

/** Drafts kept in this browser: resumable, and discarded only after the planner confirms. */
export function DraftsList({ communityId, openKey, refresh, onResume }: DraftsListProps) {
  const { t } = useTranslation('planner');
  const formatTime = useFormatTime();
  const [drafts, setDrafts] = useState<PlanDraft[] | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let cancelled = false;
    listDrafts()
      .then(
        (all) =>
          !cancelled && setDrafts(all.filter((draft) => !communityId || draft.communityId === communityId)),
      )
      .catch(() => !cancelled && setDrafts([]));
    return () => {
      cancelled = true;
    };
  }, [communityId, refresh, reload]);
  const shown = (drafts ?? []).filter((draft) => draft.key !== openKey);
  if (shown.length === 0) return communityId ? null : <p>{t('drafts.none')}</p>;
  return (
    <section className="planner-panel" aria-labelledby="planner-drafts-title">
      <h3 id="planner-drafts-title">{t('drafts.title')}</h3>
      <ul className="planner-drafts" data-testid="drafts">
        {shown.map((draft) => (
          <li key={draft.key}>
            <span>
              {draft.communityName}
              {isCopyKey(draft.key) && ` (${t('drafts.copy')})`} —{' '}
              {t('drafts.summary', {
                edits: editCount(draft),
                time: formatTime(draft.savedAt, 'dateTime'),
              })}
            </span>
            <button type="button" onClick={() => onResume(draft)}>
              {t('drafts.resume')}
            </button>
            <button
              type="button"
              onClick={() => {
                if (!window.confirm(t('drafts.confirmDiscard', { name: draft.communityName }))) return;
                void deleteDraft(draft.key).then(() => setReload((value) => value + 1));
              }}
            >
              {t('drafts.discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
