import { useTranslation } from 'react-i18next';
import { useViewSettings, type WindowPreset } from '../../../ui/view-state';

const presets: Exclude<WindowPreset, 'custom'>[] = ['today', '7d', '30d', '90d', '365d'];

/** The time window every panel and layer reads (kept in the URL). */
export function WindowPicker() {
  const { t } = useTranslation('review');
  const [view, setView] = useViewSettings();
  return (
    <div className="window-picker" role="group" aria-label={t('window.label')}>
      {presets.map((preset) => (
        <button
          key={preset}
          type="button"
          aria-pressed={view.window.preset === preset}
          onClick={() => setView({ window: { preset } })}
        >
          {t(`window.${preset}`)}
        </button>
      ))}
    </div>
  );
}
