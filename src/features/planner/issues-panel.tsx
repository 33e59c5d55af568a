import { useTranslation } from 'react-i18next';
import type { Issue } from '../../geo/plan/validate/issue';
import type { Plan } from '../../geo/plan/plan';

/** Live validation: errors first (they block saving), then warnings; each names its grids. */
export function IssuesPanel({
  plan,
  issues,
  onPick,
}: {
  plan: Plan;
  issues: readonly Issue[];
  onPick: (gridIds: Issue['gridIds']) => void;
}) {
  const { t } = useTranslation('planner');
  const nameOf = (id: string) => plan.grids.find((grid) => grid.properties.id === id)?.properties.name ?? id;
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return (
    <section className="planner-panel" aria-labelledby="planner-issues-title">
      <h3 id="planner-issues-title">
        {t('issues.title')}{' '}
        <span data-testid="issue-count">
          {t('issues.count', { errors, warnings: issues.length - errors })}
        </span>
      </h3>
      {issues.length === 0 ? (
        <p>{t('issues.none')}</p>
      ) : (
        <ul className="planner-issues">
          {issues.map((issue, index) => (
            <li key={index} className={`planner-issue planner-issue--${issue.severity}`}>
              <button type="button" onClick={() => onPick(issue.gridIds)}>
                <strong>{t(`severity.${issue.severity}`)}</strong> {t(`issue.${issue.code}`, issue.params)}
                {issue.gridIds.length > 0 && <span> — {issue.gridIds.map(nameOf).join('、')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
