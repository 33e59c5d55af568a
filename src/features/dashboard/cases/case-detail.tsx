import { useTranslation } from 'react-i18next';
import { useGrids } from '../../../data/queries';
import { caseStages } from '../../../domain/case';
import type { CaseFeature } from '../../../data/schemas/contract.schema';
import { maskPersonName } from '../map/mask';
import { formatDayTime, maskPhoneNumbers } from './case-text';

/**
 * One case: its facts and its step timeline through the six-step loop. Names and phone numbers are masked here
 * always — the detail is read on shared screens in the command centre.
 */
export function CaseDetail({ feature, onClose }: { feature: CaseFeature; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const grids = useGrids();
  const properties = feature.properties;
  const grid = grids.data?.features.find((item) => item.properties.id === properties.gridId)?.properties;
  const reachedIndex = caseStages.indexOf(properties.status);
  const facts: [string, string][] = [
    [t('detail.id'), properties.id],
    [t('detail.category'), t(`category.${properties.category}`)],
    [t('detail.channel'), t(`channel.${properties.channel}`)],
    [t('detail.status'), t(`stage.${properties.status}`)],
    [t('detail.due'), formatDayTime(Date.parse(properties.dueAt))],
    [t('detail.grid'), grid?.name ?? properties.gridId ?? '—'],
    [t('detail.worker'), grid ? maskPersonName(grid.workerName) : '—'],
  ];
  if (properties.satisfaction)
    facts.push([t('detail.satisfaction'), t(`satisfaction.${properties.satisfaction}`)]);
  return (
    <section className="case-detail" aria-label={t('detail.title')} data-testid="case-detail">
      <header>
        <h3>{maskPhoneNumbers(properties.title)}</h3>
        <button type="button" onClick={onClose} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      <dl>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('detail.timeline')}</h4>
      <ol className="case-detail__timeline">
        {caseStages.map((stage, index) => {
          const at = properties.stageTimes?.[stage];
          const reached = index <= reachedIndex;
          return (
            <li key={stage} className={reached ? 'case-detail__step--reached' : 'case-detail__step--ahead'}>
              <span>{t(`stage.${stage}`)}</span>
              <span>{at ? formatDayTime(Date.parse(at)) : reached ? '—' : t('detail.notReached')}</span>
            </li>
          );
        })}
      </ol>
      <p className="case-detail__privacy">{t('detail.privacy')}</p>
    </section>
  );
}
