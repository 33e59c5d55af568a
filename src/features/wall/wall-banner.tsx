import { useTranslation } from 'react-i18next';
import type { WallAlert } from './live-watch';
import { publicCaseText } from './public-text';

const titleCharacters = 16;

/**
 * The banner over the top of the wall's map for a case that needs someone now: overdue, or new in an
 * early-warning grid. It names the kind, the category, the grid and a shortened, masked title (a public screen).
 */
export function WallBanner({ alert, gridName }: { alert: WallAlert | null; gridName: string | null }) {
  const { t } = useTranslation('wall');
  if (!alert) return null;
  return (
    <div className={`wall-banner wall-banner--${alert.kind}`} role="status" data-case={alert.caseId}>
      <p className="wall-banner__kind">{t(`alert.${alert.kind}`)}</p>
      <p className="wall-banner__text">
        {[t(`category.${alert.category}`), gridName, publicCaseText(alert.title, titleCharacters)]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </div>
  );
}
