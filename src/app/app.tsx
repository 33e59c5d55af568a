import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { useViewSettings } from '../ui/view-state';
import { AppHeader } from './app-header';

// Wall and planner load only when their mode opens: a dashboard user never downloads the planner.
const WallPage = lazy(() => import('../features/wall/wall-page'));
const PlannerPage = lazy(() => import('../features/planner/planner-page'));

export function App() {
  const [view] = useViewSettings();
  const { t } = useTranslation('common');
  return (
    <div className={`app app--${view.mode}`}>
      {view.mode !== 'wall' && <AppHeader />}
      <Suspense fallback={<div className="page-loading">{t('loading')}</div>}>
        {view.mode === 'dashboard' && <DashboardPage />}
        {view.mode === 'wall' && <WallPage />}
        {view.mode === 'planner' && <PlannerPage />}
      </Suspense>
    </div>
  );
}
