import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveWindow } from '../../../domain/time-window';
import { formatCount } from '../../../ui/format';
import { LayerNotice } from '../../../ui/layer-notice';
import { LayerAlert } from '../../../ui/layer-alert';
import { IncompleteNote, OutsideGridsNote } from '../../../ui/figure-notes';
import { useToday } from '../../../ui/use-today';
import { useViewState } from '../../../ui/view-state';
import { CaseDetail } from './case-detail';
import { CaseFilters } from './case-filters';
import { CaseFunnelTable } from './case-funnel-table';
import { LatestCases, OutsideGridCases, OverdueCases } from './case-lists';
import { CaseWindowBar } from './case-window-bar';
import { useCasesWorkspace } from './cases-context';
import { useCaseTitles } from './use-case-titles';
import { ConnectionBadge } from './connection-badge';
import { EarlyWarning } from './early-warning';
import './cases.css';

/** The live cases beside the map: window and playback, filters, counts, lists, the loop and early warning. */
export function CasesPanel() {
  const { t, i18n } = useTranslation('cases');
  const workspace = useCasesWorkspace();
  const { live, view, filters, playback, hotspots, now } = workspace;
  const [urlView] = useViewState();
  const today = useToday();
  const period = useMemo(() => resolveWindow(urlView.window, today), [urlView.window, today]);
  // The columns the view's rows point into (with a large window, the previous snapshot's until the worker answers).
  const columns = view.columns;
  const selectedRow = workspace.selectedCase === null ? undefined : columns.rowOf(workspace.selectedCase);
  const selected = selectedRow === undefined ? undefined : columns.caseAt(selectedRow);
  const selectedPosition = useMemo(
    (): [number, number] | undefined =>
      selectedRow === undefined
        ? undefined
        : [columns.positions[selectedRow * 2] ?? 0, columns.positions[selectedRow * 2 + 1] ?? 0],
    [columns, selectedRow],
  );
  const titles = useCaseTitles(
    columns,
    [
      ...view.latest,
      ...view.outsideGrids.latest,
      ...view.overdue.cases.map((item) => item.row),
      ...(selectedRow === undefined ? [] : [selectedRow]),
    ],
    period,
  );
  return (
    <div className="cases-panel" data-version={view.version}>
      <header className="cases-panel__header">
        <h2>{t('title')}</h2>
        <ConnectionBadge connection={live.connection} now={now} />
      </header>
      <CaseWindowBar key={`${period.from}-${period.to}`} period={period} playback={playback} />
      <LayerAlert layer="cases" error={live.error} failure={live.failure} onRetry={live.refetch} />
      <LayerNotice layer="cases" skipped={live.skipped} drawn={live.fetchedCount ?? 0} />
      <IncompleteNote place="cases" incomplete={live.incomplete} />
      {live.rejectedEvents > 0 && (
        <p role="alert" className="layer-alert" data-layer="cases">
          {t('common:alert.layerFailed', {
            layer: t('common:layers.cases'),
            reason: t('common:alert.streamRejected', { count: live.rejectedEvents }),
          })}
        </p>
      )}
      <p
        className="cases-panel__count"
        data-testid="case-count"
        data-count={view.rows.length}
        aria-live="polite"
      >
        {live.isPending || view.waiting
          ? t('loading')
          : t('count', { count: view.rows.length, formatted: formatCount(view.rows.length, i18n.language) })}
      </p>
      <OutsideGridsNote place="cases" count={view.outsideGrids.total}>
        <OutsideGridCases
          columns={columns}
          rows={view.outsideGrids.latest}
          titles={titles}
          onSelect={workspace.selectCase}
        />
      </OutsideGridsNote>
      <CaseFilters filters={filters} onChange={workspace.setFilters} />
      {selected && selectedPosition && (
        <CaseDetail
          summary={selected}
          position={selectedPosition}
          titles={titles}
          onClose={() => workspace.selectCase(null)}
        />
      )}
      <LatestCases
        columns={columns}
        rows={view.latest}
        titles={titles}
        arrivals={live.snapshot.arrivals}
        onSelect={workspace.selectCase}
      />
      <CaseFunnelTable funnel={view.funnel} />
      <OverdueCases
        columns={columns}
        titles={titles}
        overdue={view.overdue}
        onSelect={workspace.selectCase}
      />
      <EarlyWarning hotspots={hotspots.hotspots} isPending={hotspots.isPending} />
    </div>
  );
}
