import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../domain/ids';
import { reattribute } from '../../geo/plan/reattribution';
import { blocksSaving } from '../../geo/plan/validate/issue';
import { validatePlan } from '../../geo/plan/validate/validate-plan';
import { PlannerMap } from '../../map/planner/planner-map';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { DraftsList } from './drafts-list';
import { GridList } from './grid-list';
import { collection, diffHighlights, gridHighlights, issueHighlights } from './highlights';
import { ImportExportPanel } from './import-export-panel';
import { IssuesPanel } from './issues-panel';
import { PlannerToolbar } from './planner-toolbar';
import { ReattributionTable } from './reattribution-table';
import { SavePanel } from './save-panel';
import type { PlannerData } from './use-planner-data';
import { usePlanDraft } from './use-plan-draft';
import { usePlanIntents } from './use-plan-intents';
import { useSavePlan } from './use-save-plan';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { useFormatTime } from '../../ui/time-format';

/** One community open in planner mode: the map, the operations, live validation, the preview, drafts and save. */
export function PlannerEditor({ communityId, data }: { communityId: RegionId; data: PlannerData }) {
  const { t } = useTranslation('planner');
  const formatTime = useFormatTime();
  const config = useRuntimeConfig();
  const drafts = usePlanDraft(communityId, data.communityName, data.serverPlan);
  const { draft } = drafts;
  const intents = usePlanIntents(draft?.plan ?? null, drafts.transactChange);
  const saving = useSavePlan(drafts.saved);
  const [reference, setReference] = useState<FeatureCollection | null>(null);
  const [focusSerial, setFocusSerial] = useState(0);
  useUndoShortcuts(drafts.undoChange, drafts.redoChange);

  const plan = draft?.plan;
  const issues = useMemo(() => (plan ? validatePlan(plan, config.planner) : []), [plan, config.planner]);
  const preview = useMemo(
    () => (draft ? reattribute(draft.baseGrids, draft.plan.grids, data.points, data.now) : null),
    [draft, data.points, data.now],
  );
  const highlights = useMemo(() => {
    if (!plan || !preview) return collection([]);
    const rejected =
      saving.state.kind === 'invalid' ? saving.state.reasons.flatMap((reason) => reason.gridId ?? []) : [];
    const changedOnServer =
      saving.state.kind === 'conflict' ? saving.state.changes.map((change) => change.gridId) : [];
    return collection([
      ...diffHighlights(preview.diffs),
      ...issueHighlights(
        plan,
        issues,
        (issue) => `${t(`severity.${issue.severity}`)}：${t(`issue.${issue.code}`, issue.params)}`,
      ),
      ...gridHighlights(plan, rejected, 'rejected', t('highlight.rejected')),
      ...(saving.state.kind === 'conflict'
        ? gridHighlights(saving.state.serverPlan, changedOnServer, 'server_changed', t('conflict.changed'))
        : []),
    ]);
  }, [plan, preview, issues, saving.state, t]);

  if (!draft || !plan || !preview) return <p className="page-loading">{t('loading')}</p>;
  const dirty = draft.history.undoStack.length > 0;

  return (
    <div className="planner-editor">
      <header className="planner-editor__header">
        <h2>{t('title', { name: data.communityName })}</h2>
        {drafts.resumed && (
          <p role="status" data-testid="draft-resumed">
            {t('drafts.resumed', { time: formatTime(draft.savedAt, 'dateTime') })}
          </p>
        )}
        <span data-testid="autosave">{dirty ? t('drafts.autosaved') : t('drafts.clean')}</span>
        <button
          type="button"
          disabled={!dirty && !drafts.resumed}
          onClick={() => {
            if (window.confirm(t('drafts.confirmDiscard', { name: data.communityName })))
              void drafts.discard(data.serverPlan);
          }}
        >
          {t('drafts.discardThis')}
        </button>
        {drafts.persistError && (
          <p role="alert">{t('drafts.writeFailed', { reason: drafts.persistError })}</p>
        )}
      </header>
      <PlannerToolbar
        history={draft.history}
        intents={intents}
        onUndo={drafts.undoChange}
        onRedo={drafts.redoChange}
      />
      <div className="planner-editor__body">
        <div className="planner-editor__map">
          <PlannerMap
            basemap={config.basemap}
            community={plan.community}
            grids={plan.grids}
            neighbours={data.neighbours}
            highlights={highlights}
            reference={reference}
            selectedGridIds={intents.selection.gridIds}
            tool={intents.tool}
            focusSerial={focusSerial}
            label={t('map')}
            onVertexMoved={intents.onVertexMoved}
            onLineDrawn={intents.onLineDrawn}
            onPolygonDrawn={intents.onPolygonDrawn}
            onGridsSelected={intents.onGridsSelected}
          />
          <p className="planner-editor__hint">{t(`hint.${intents.tool}`)}</p>
        </div>
        <aside className="planner-editor__side">
          <SavePanel
            state={saving.state}
            nameOf={(id) => plan.grids.find((grid) => grid.properties.id === id)?.properties.name ?? id}
            blocked={blocksSaving(issues)}
            dirty={dirty}
            onSave={() => void saving.save(draft)}
            onRebase={(serverPlan) => {
              drafts.rebase(serverPlan);
              saving.reset();
            }}
            onKeepCopy={(serverPlan) => {
              void drafts.keepAsCopy(serverPlan).then((kept) => kept && saving.reset());
            }}
          />
          <IssuesPanel
            plan={plan}
            issues={issues}
            onPick={(gridIds) => {
              intents.select(gridIds);
              setFocusSerial((serial) => serial + 1);
            }}
          />
          <GridList plan={plan} intents={intents} onFocus={() => setFocusSerial((serial) => serial + 1)} />
          <ReattributionTable reattribution={preview} />
          <ImportExportPanel
            plan={plan}
            fileName={`${communityId}-plan.geojson`}
            onReference={setReference}
            onStartingPlan={drafts.transactChange}
          />
          <DraftsList
            communityId={communityId}
            openKey={draft.key}
            refresh={draft}
            onResume={(other) => void drafts.resume(other.key)}
          />
        </aside>
      </div>
    </div>
  );
}
