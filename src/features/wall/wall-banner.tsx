import { useTranslation } from 'react-i18next';
import './wall-banner.css';
import type { WallAlert } from './wall-alerts';

/**
 * The newest alert across the top of the map, in the public screen's terms: why (overdue / early warning), the
 * kind of case and its grid. No title, caller or worker: the wall is seen by visitors.
 */
export function WallBanner({ alert, gridName }: { alert: WallAlert | undefined; gridName: string | null }) {
  const { t } = useTranslation('wall');
  if (!alert) return null;
  return (
    <div className={`wall-banner wall-banner--${alert.reason}`} role="status" data-case={alert.caseId}>
      <strong className="wall-banner__reason">{t(`alert.${alert.reason}`)}</strong>
      {alert.category && <span className="wall-banner__category">{t(`category.${alert.category}`)}</span>}
      {gridName && <span className="wall-banner__grid">{gridName}</span>}
    </div>
  );
}
