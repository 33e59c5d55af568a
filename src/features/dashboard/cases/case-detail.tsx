import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrids } from '../../../data/queries';
import type { CaseSummary } from '../../../live/case-columns';
import { caseStages } from '../../../domain/case';
import { maskPersonName } from '../../../domain/personal-data';
import { useFormatTime } from '../../../ui/time-format';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import { NearestWorker } from '../workers/nearest-worker';
import { caseTitle } from './case-text';
import { CamerasAround } from './cameras-around';

// Read by few and fetched by id: its own chunk, loaded when a case is opened.
const CasePath = lazy(() => import('./case-path'));

/**
 * One case: its facts, the grid worker who would go, and its step timeline through the six-step loop, read from
 * the live columns. Residents' names and phones in a title are masked always (case-text.ts); grid workers' where
 * the view is public (`privacy.maskPersonalData`), which the dispatcher's own desk is not. A case that
 * came as columns has no title (the columnar format carries none): it is fetched by id (use-case-titles.ts), and its
 * category stands in until then.
 */
export function CaseDetail({
  summary,
  position,
  titles,
  onClose,
}: {
  summary: CaseSummary;
  /** Where the case is, in the base map's coordinates (the live columns'). */
  position: readonly [number, number];
  /** Titles fetched by id for cases that came as columns (use-case-titles.ts). */
  titles: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation('cases');
  const formatTime = useFormatTime();
  const grids = useGrids();
  const publicView = useRuntimeConfig().privacy.maskPersonalData;
  const grid = grids.data?.features.find((item) => item.properties.id === summary.gridId)?.properties;
  const reachedIndex = caseStages.indexOf(summary.status);
  const categoryLabel = summary.category ? t(`category.${summary.category}`) : '—';
  const facts: [string, string][] = [
    [t('detail.id'), summary.id],
    [t('detail.category'), categoryLabel],
    [t('detail.channel'), summary.channel ? t(`channel.${summary.channel}`) : '—'],
    [t('detail.status'), t(`stage.${summary.status}`)],
    [t('detail.due'), formatTime(summary.dueAt, 'dayTime')],
    [t('detail.grid'), grid?.name ?? summary.gridId ?? '—'],
    [t('detail.worker'), grid ? (publicView ? maskPersonName(grid.workerName) : grid.workerName) : '—'],
  ];
  if (summary.satisfaction) facts.push([t('detail.satisfaction'), t(`satisfaction.${summary.satisfaction}`)]);
  return (
    <section className="case-detail" aria-label={t('detail.title')} data-testid="case-detail">
      <header>
        <h3>{caseTitle(summary.title ?? titles.get(summary.id) ?? null, categoryLabel)}</h3>
        <button type="button" onClick={onClose} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      <dl>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <NearestWorker position={position} gridId={summary.gridId} publicView={publicView} />
      <CamerasAround caseId={summary.id} position={position} />
      <h4>{t('detail.timeline')}</h4>
      <ol className="case-detail__timeline">
        {caseStages.map((stage, index) => {
          const at = summary.stageEntered[index] ?? Number.NaN;
          const reached = index <= reachedIndex;
          return (
            <li key={stage} className={reached ? 'case-detail__step--reached' : 'case-detail__step--ahead'}>
              <span>{t(`stage.${stage}`)}</span>
              <span>
                {Number.isFinite(at) ? formatTime(at, 'dayTime') : reached ? '—' : t('detail.notReached')}
              </span>
            </li>
          );
        })}
      </ol>
      <Suspense fallback={null}>
        <CasePath id={summary.id} reportedAt={summary.reportedAt} status={summary.status} />
      </Suspense>
      {publicView && <p className="case-detail__privacy">{t('detail.privacy')}</p>}
    </section>
  );
}
