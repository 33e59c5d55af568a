import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaDay } from '../../../domain/china-time';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import type { FocusUnit } from './use-focus';
import type { ReviewPeriod } from './use-review-period';
import { downloadImage, exportViewImage } from './export-image';
import { portraitBriefingImage } from './portrait-image';
import { useFormatTime } from '../../../ui/time-format';

/**
 * The briefing: a print button, and the heading a printed one-page report carries (title, unit, window, data
 * time). The print stylesheet turns the review panel into that page; the heading shows only on paper.
 */
export function Briefing({
  focus,
  period,
  dataTime,
}: {
  focus: FocusUnit;
  period: ReviewPeriod;
  dataTime: string | null;
}) {
  const { t } = useTranslation('review');
  const formatTime = useFormatTime();
  const config = useRuntimeConfig();
  const lastDay = formatChinaDay(period.period.to - 1);
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'failed'>('idle');
  const run = (work: () => Promise<void>) => {
    setExporting('busy');
    work().then(
      () => setExporting('idle'),
      () => setExporting('failed'),
    );
  };
  const exportImage = () => {
    const view = document.querySelector<HTMLElement>('.dashboard');
    if (view) run(() => exportViewImage(view, `gridboard-${focus.id}-${lastDay}.png`));
  };
  const heading = [
    t('briefing.unit', { unit: focus.chain.map((unit) => unit.name).join(' › ') }),
    t('briefing.window', { from: formatChinaDay(period.period.from), to: lastDay }),
    ...(dataTime ? [t('briefing.dataTime', { time: formatTime(dataTime, 'dateTime') })] : []),
  ];
  // The portrait image reads the map and the KPI cards as the screen shows them (the same figures, same words).
  const exportPortrait = () => {
    const map = document.querySelector<HTMLElement>('.dashboard__map .grid-map');
    if (!map) return;
    const text = (card: Element, selector: string) => card.querySelector(selector)?.textContent.trim() ?? '';
    const figures = [...document.querySelectorAll('.review .kpi-card')].map((card) => ({
      name: text(card, 'h3'),
      value: text(card, '.kpi-card__value'),
      detail: [text(card, '.kpi-card__fraction'), text(card, '.kpi-card__change')]
        .filter(Boolean)
        .join(' · '),
    }));
    run(async () =>
      downloadImage(
        await portraitBriefingImage({ title: config.title, lines: heading, map, figures }),
        `gridboard-${focus.id}-${lastDay}-portrait.png`,
      ),
    );
  };
  return (
    <>
      <div className="briefing__actions">
        <button
          type="button"
          className="briefing__print"
          onClick={exportImage}
          disabled={exporting === 'busy'}
        >
          {t(exporting === 'busy' ? 'briefing.exporting' : 'briefing.image')}
        </button>
        <button
          type="button"
          className="briefing__print"
          onClick={exportPortrait}
          disabled={exporting === 'busy'}
        >
          {t('briefing.portrait')}
        </button>
        <button type="button" className="briefing__print" onClick={() => window.print()}>
          {t('briefing.print')}
        </button>
      </div>
      {exporting === 'failed' && (
        <p role="alert" className="panel-alert">
          {t('briefing.imageFailed')}
        </p>
      )}
      <header className="briefing__heading">
        <h1>{config.title}</h1>
        <p>{heading.join(' · ')}</p>
      </header>
    </>
  );
}
