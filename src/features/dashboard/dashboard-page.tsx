import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../ui/panel-boundary';
import { DashboardMap } from './map/dashboard-map';

/** The leader's view: the city map with its layers; indicator panels join it beside the map. */
export function DashboardPage() {
  const { t } = useTranslation('common');
  return (
    <main className="dashboard">
      <section className="dashboard__map" aria-label={t('modes.dashboard')}>
        <PanelBoundary name={t('layers.grids')}>
          <DashboardMap />
        </PanelBoundary>
      </section>
    </main>
  );
}
