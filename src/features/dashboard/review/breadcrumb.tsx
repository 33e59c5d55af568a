import { useTranslation } from 'react-i18next';
import { useViewSettings } from '../../../ui/view-state';
import type { FocusUnit } from './use-focus';

/** city → district → street → community → grid; each step is a link that refocuses the view (and the URL). */
export function Breadcrumb({ focus }: { focus: FocusUnit }) {
  const { t } = useTranslation('review');
  const [, setView] = useViewSettings();
  const last = focus.chain.length - 1;
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumb')}>
      <ol>
        {focus.chain.map((unit, index) => (
          <li key={unit.id}>
            {index === last ? (
              <span aria-current="page">{unit.name}</span>
            ) : (
              <button
                type="button"
                onClick={() => setView({ region: index === 0 ? null : unit.id, selected: null })}
              >
                {unit.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
