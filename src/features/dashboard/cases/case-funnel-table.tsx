import { useTranslation } from 'react-i18next';
import type { FunnelStep } from '../../../domain/case-funnel';
import { formatCount } from '../../../ui/format';
import { caseStageColours, cssColour } from '../../../map/cases/case-colours';

/** The six-step loop for the selection: cases in each step now, reached, and the median time spent in it. */
export function CaseFunnelTable({ funnel }: { funnel: readonly FunnelStep[] }) {
  const { t, i18n } = useTranslation('cases');
  const widest = Math.max(1, ...funnel.map((step) => step.reached));
  return (
    <section className="case-funnel" aria-label={t('funnel.title')}>
      <h3>{t('funnel.title')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('funnel.stage')}</th>
            <th scope="col">{t('funnel.current')}</th>
            <th scope="col">{t('funnel.reached')}</th>
            <th scope="col">{t('funnel.median')}</th>
          </tr>
        </thead>
        <tbody>
          {funnel.map((step) => (
            <tr key={step.stage} data-stage={step.stage}>
              <th scope="row">
                <span
                  className="case-funnel__swatch"
                  style={{ background: cssColour(caseStageColours[step.stage]) }}
                />
                {t(`stage.${step.stage}`)}
              </th>
              <td>{formatCount(step.current, i18n.language)}</td>
              <td>
                <span className="case-funnel__bar" style={{ width: `${(100 * step.reached) / widest}%` }} />
                {formatCount(step.reached, i18n.language)}
              </td>
              <td>
                {step.medianHours === null
                  ? t('funnel.none')
                  : t('funnel.hours', { value: step.medianHours.toFixed(step.medianHours < 10 ? 1 : 0) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
