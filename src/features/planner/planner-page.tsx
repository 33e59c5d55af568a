import { useTranslation } from 'react-i18next';

/** The planner route, loaded only when the mode opens. Editing is built in the planner capability. */
export default function PlannerPage() {
  const { t } = useTranslation('common');
  return (
    <main className="planner">
      <h2>{t('modePlaceholder.planner')}</h2>
    </main>
  );
}
