import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../ui/panel-boundary';
import { DashboardMap } from './map/dashboard-map';
import { ReviewPanel } from './review/review-panel';

/** The leader's view: the city map with its layers, and the review of the focused unit beside it. */
export function DashboardPage() {
  const { t } = useTranslation('review');
  return (
    <main className="dashboard">
      <section className="dashboard__map" aria-label={t('common:layers.grids')}>
        <PanelBoundary name={t('common:layers.grids')}>
          <DashboardMap />
        </PanelBoundary>
      </section>
      <aside className="dashboard__review" aria-label={t('kpi.title')}>
        <PanelBoundary name={t('kpi.title')}>
          <ReviewPanel />
        </PanelBoundary>
      </aside>
    </main>
  );
}
