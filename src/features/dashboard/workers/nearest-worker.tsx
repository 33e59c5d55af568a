import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../ui/format';
import { useFormatTime } from '../../../ui/time-format';
import { useCasesWorkspace } from '../cases/cases-context';
import { useNearestWorker } from './use-nearest-worker';
import { useWorkersServed } from './use-workers-served';

/**
 * "Who goes": the case's own grid worker, or the nearest one on duty, with his distance, as of his last fix; a
 * button draws his patrol today on the map. In a public view the server has masked his name and left his phone
 * out (`/workers?personal=masked`): nothing personal reaches the page to be hidden.
 */
export function NearestWorker(props: {
  position: readonly [number, number];
  gridId: string | null;
  publicView: boolean;
}) {
  return useWorkersServed() ? <NearestWorkerFact {...props} /> : null;
}

function NearestWorkerFact({
  position,
  gridId,
  publicView,
}: {
  position: readonly [number, number];
  gridId: string | null;
  publicView: boolean;
}) {
  const { t, i18n } = useTranslation('cases');
  const formatTime = useFormatTime();
  const { trackedWorker, trackWorker } = useCasesWorkspace();
  const site = useMemo(() => ({ position, gridId }), [position, gridId]);
  const { fact, isPending, error } = useNearestWorker(site, publicView);
  if (error)
    return (
      <p role="alert" className="layer-alert" data-layer="workers">
        {t('common:alert.layerFailed', { layer: t('common:layers.workers'), reason: error.message })}
      </p>
    );
  if (isPending) return <p className="case-detail__worker">{t('worker.loading')}</p>;
  if (!fact) return <p className="case-detail__worker">{t('worker.none')}</p>;
  const tracked = trackedWorker === fact.id;
  return (
    <div className="case-detail__worker" data-testid="nearest-worker" data-worker-id={fact.id}>
      <h4>{t('worker.title')}</h4>
      <p>
        <strong data-testid="nearest-worker-name">{fact.name}</strong>
        {fact.phone && <span> · {fact.phone}</span>}
      </p>
      <p>
        {t(fact.inCaseGrid ? 'worker.inGrid' : 'worker.elsewhere', {
          metres: formatCount(Math.round(fact.metres), i18n.language),
        })}
        {Number.isFinite(fact.fixAt) && ` · ${t('worker.fix', { time: formatTime(fact.fixAt, 'clock') })}`}
      </p>
      <button type="button" aria-pressed={tracked} onClick={() => trackWorker(tracked ? null : fact.id)}>
        {t(tracked ? 'worker.hideTrack' : 'worker.showTrack')}
      </button>
    </div>
  );
}
