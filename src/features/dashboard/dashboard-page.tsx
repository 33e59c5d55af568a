import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../ui/panel-boundary';
import { phoneSheetPeekPx } from '../../ui/screen';
import { CasesProvider } from './cases/cases-context';
import { CasesMap } from './cases/cases-map';
import { CasesPanel } from './cases/cases-panel';
import { SidePanelTabs, type SidePanel } from './cases/side-panel-tabs';
import { FirstMapProvider, useFirstMap } from './first-map';
import { ReviewPanel } from './review/review-panel';

/** The phone's bottom sheet peeks this far over the map (screens.css), as far as the map's frame leaves free. */
const sheetPeek: CSSProperties & Record<'--sheet-peek', string> = { '--sheet-peek': `${phoneSheetPeekPx}px` };

/** The map, whose failure lets the panels beside it go on (first-map.tsx). */
function MapBoundary({ name }: { name: string }) {
  const { markShown } = useFirstMap();
  return (
    <PanelBoundary name={name} onError={markShown}>
      <CasesMap />
    </PanelBoundary>
  );
}

/** The leader's view: the city map with its layers, and the review of the focused unit (or the live cases) beside it. */
export function DashboardPage() {
  const { t } = useTranslation('review');
  const [panel, setPanel] = useState<SidePanel>('review');
  return (
    <FirstMapProvider>
      <CasesProvider panelOpen={panel === 'cases'}>
        <main className="dashboard" style={sheetPeek}>
          <section className="dashboard__map" aria-label={t('common:layers.grids')}>
            <MapBoundary name={t('common:layers.grids')} />
          </section>
          <aside
            className="dashboard__review"
            aria-label={panel === 'review' ? t('kpi.title') : t('cases:title')}
          >
            <SidePanelTabs panel={panel} onChange={setPanel} />
            <div id="side-panel" role="tabpanel" aria-labelledby={`side-tab-${panel}`}>
              {panel === 'review' ? (
                <PanelBoundary name={t('kpi.title')}>
                  <ReviewPanel onShowCases={() => setPanel('cases')} />
                </PanelBoundary>
              ) : (
                <PanelBoundary name={t('cases:title')}>
                  <CasesPanel />
                </PanelBoundary>
              )}
            </div>
          </aside>
        </main>
      </CasesProvider>
    </FirstMapProvider>
  );
}
