import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { CameraViewerProvider } from '../ui/camera-viewer';
import { useViewSettings } from '../ui/view-state';
import { parseUnitId } from '../domain/ids';
import { AppHeader } from './app-header';
import { modesOf } from './session/role-modes';
import { SessionAlert } from './session/session-alert';
import { useSession } from './session/session-context';

// Wall and planner load only when their mode opens: a dashboard user never downloads the planner.
const WallPage = lazy(() => import('../features/wall/wall-page'));
const PlannerPage = lazy(() => import('../features/planner/planner-page'));
// The camera player (and hls.js behind it) loads on the first camera opened, in any mode.
const VideoPanel = lazy(() => import('../features/video/video-panel'));

export function App() {
  const [view, setView] = useViewSettings();
  const { t } = useTranslation('common');
  const session = useSession();
  // A mode the role lacks (a link to the planner opened by a grid worker) shows the role's first mode instead.
  const allowed = modesOf(session);
  const mode = allowed.includes(view.mode) ? view.mode : (allowed[0] ?? 'dashboard');
  // The dashboard opens on the user's own scope: his district, street or grid, not the city he cannot see.
  const scope = session.role === 'city_leader' ? null : parseUnitId(session.scope);
  useEffect(() => {
    if (scope && view.region === null) setView({ region: scope }, { replace: true });
  }, [scope, view.region, setView]);
  return (
    <div className={`app app--${mode}`}>
      {mode !== 'wall' && <AppHeader />}
      <SessionAlert />
      <CameraViewerProvider player={VideoPanel}>
        <Suspense fallback={<div className="page-loading">{t('loading')}</div>}>
          {mode === 'dashboard' && <DashboardPage />}
          {mode === 'wall' && <WallPage />}
          {mode === 'planner' && <PlannerPage />}
        </Suspense>
      </CameraViewerProvider>
    </div>
  );
}
