import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDataSource } from '../../../data/data-source-context';
import { formatChinaTime } from '../../../domain/china-time';
import type { CaseProperties } from '../../../domain/case';
import { useFormatTime } from '../../../ui/time-format';
import { useDepartmentName } from '../department-names';
import './case-path.css';

/**
 * The case's path across levels and departments (docs/api.md, "Departments and levels"): reported in its grid,
 * each step up the ladder with its reason and time, the department that took it, and the level it was settled at;
 * then its supervision (督办), if any. The live columns carry none of these, so the case is read by id (one small
 * request, kept per case and step: a streamed change of step reads it again). Loaded on its own (React.lazy).
 */
export default function CasePath({
  id,
  reportedAt,
  status,
}: {
  id: string;
  /** Epoch ms: the case is asked for in the second it was reported (`/cases` filters on reportedAt). */
  reportedAt: number;
  status: string;
}) {
  const { t } = useTranslation('cases');
  const formatTime = useFormatTime();
  const departmentName = useDepartmentName();
  const source = useDataSource();
  const query = useQuery({
    queryKey: ['case-path', id, status],
    queryFn: async ({ signal }) => {
      const from = Math.floor(reportedAt / 1000) * 1000;
      const answer = await source.cases(
        { from: formatChinaTime(from), to: formatChinaTime(from + 1000), ids: [id] },
        signal,
      );
      return answer.features.find((feature) => feature.properties.id === id)?.properties ?? null;
    },
    enabled: Number.isFinite(reportedAt),
    staleTime: 60_000,
  });
  const facts: CaseProperties | null | undefined = query.data;
  if (query.isError || facts === null) return null;
  if (facts === undefined) return <p className="case-detail__privacy">{t('loading')}</p>;
  const level = (name: string) => t(`path.level.${name}`);
  const steps: { key: string; what: string; at: string | null }[] = [
    { key: 'reported', what: t('path.reported', { level: level('grid') }), at: facts.reportedAt },
    ...facts.escalations.map((step, index) => ({
      key: `up-${index}`,
      what: t('path.escalated', {
        from: level(step.fromLevel),
        to: level(step.toLevel),
        reason: t(`path.reason.${step.reason}`),
      }),
      at: step.at,
    })),
    ...(facts.department
      ? [
          {
            key: 'department',
            what: t('path.department', { department: departmentName(facts.department) }),
            at: null,
          },
        ]
      : []),
    ...(facts.resolvedAtLevel && facts.closedAt
      ? [
          {
            key: 'settled',
            what: t('path.settled', { level: level(facts.resolvedAtLevel) }),
            at: facts.closedAt,
          },
        ]
      : []),
  ];
  const supervision = facts.supervision;
  return (
    <div className="case-path" data-testid="case-path">
      <h4>{t('path.title')}</h4>
      <ol className="case-path__steps">
        {steps.map((step) => (
          <li key={step.key} data-step={step.key}>
            <span>{step.what}</span>
            {step.at && <span>{formatTime(step.at, 'dayTime')}</span>}
          </li>
        ))}
      </ol>
      {supervision && (
        <p className={`case-path__supervision case-path__supervision--${supervision.state}`}>
          {t('path.supervision', {
            by: level(supervision.by),
            at: formatTime(supervision.at, 'dayTime'),
            deadline: formatTime(supervision.deadline, 'dayTime'),
            state: t(`path.state.${supervision.state}`),
          })}
        </p>
      )}
    </div>
  );
}
