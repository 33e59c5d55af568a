import { useTranslation } from 'react-i18next';
import { regionId, type RegionId } from '../../domain/ids';
import { useViewState } from '../../ui/view-state';
import { CommunityPicker } from './community-picker';
import { PlannerEditor } from './planner-editor';
import { usePlannerData } from './use-planner-data';
import './planner.css';

function PlannerWorkspace({ communityId }: { communityId: RegionId }) {
  const { t } = useTranslation('planner');
  const state = usePlannerData(communityId);
  if (state.status === 'loading') return <p className="page-loading">{t('loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('loadFailed', { reason: state.message })}</p>;
  if (state.status === 'missing') return <p role="alert">{t('notACommunity', { id: communityId })}</p>;
  return <PlannerEditor key={communityId} communityId={communityId} data={state.data} />;
}

/**
 * The planner route, loaded only when the mode opens (lazy in app.tsx): `/planner?region=<communityId>` opens
 * that community's grids for editing; without a region the planner picks a community first.
 */
export default function PlannerPage() {
  const [view] = useViewState();
  return (
    <main className="planner">
      {view.region ? (
        <PlannerWorkspace key={view.region} communityId={regionId(view.region)} />
      ) : (
        <CommunityPicker />
      )}
    </main>
  );
}
