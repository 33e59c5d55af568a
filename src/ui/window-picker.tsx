import { useTranslation } from 'react-i18next';
import type { WindowPresetName } from '../domain/time-window';
import { useViewSettings } from './view-state';

type WindowPreset = Exclude<WindowPresetName, 'custom'>;
const allPresets: readonly WindowPreset[] = ['today', '7d', '30d', '90d', '365d'];

/** The time window every panel and layer reads (kept in the URL): the review offers every preset, the cases tab the short ones. */
export function WindowPicker({ presets = allPresets }: { presets?: readonly WindowPreset[] }) {
  const { t } = useTranslation('common');
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
