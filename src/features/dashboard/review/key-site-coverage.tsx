import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../ui/format';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';
import { useViewState } from '../../../ui/view-state';
import type { FocusUnit } from './use-focus';
import { useKeySiteCoverage } from './use-key-site-coverage';
import './key-site-coverage.css';

/** How many uncovered key sites are listed by name; the rest are counted. */
const listed = 30;
/** The zoom a key site is shown at when its name is clicked: its street and the cameras around. */
const siteZoom = 17;

/**
 * The focused unit's key-site video coverage in the review: the share, the figures behind it, and the key sites
 * no online camera covers, each a button that takes the map there. Loaded lazily with the spatial index.
 */
export default function KeySiteCoverage({ focus }: { focus: FocusUnit }) {
  const { t, i18n } = useTranslation('video');
  const coverage = useKeySiteCoverage(focus);
  const metres = useRuntimeConfig().video.keySiteCoverageMetres;
  const [, setView] = useViewState();
  if (!coverage) return null;
  return (
    <section
      className="review__section key-site-coverage"
      aria-label={t('coverage.title')}
      data-testid="key-site-coverage"
      data-covered={coverage.covered}
      data-total={coverage.total}
    >
      <h3>{t('coverage.title')}</h3>
      {coverage.share === null ? (
        <p>{t('coverage.none')}</p>
      ) : (
        <>
          <p className="key-site-coverage__share">{formatPercent(coverage.share, i18n.language)}</p>
          <p>{t('coverage.figure', { covered: coverage.covered, total: coverage.total, metres })}</p>
        </>
      )}
      {coverage.uncovered.length > 0 && (
        <>
          <h4>{t('coverage.uncovered', { count: coverage.uncovered.length })}</h4>
          <ul className="key-site-coverage__list">
            {coverage.uncovered.slice(0, listed).map((site) => (
              <li key={site.id}>
                <button
                  type="button"
                  data-site-id={site.id}
                  onClick={() =>
                    setView({ map: { lng: site.position[0], lat: site.position[1], zoom: siteZoom } })
                  }
                >
                  {site.name}
                </button>
              </li>
            ))}
          </ul>
          {coverage.uncovered.length > listed && (
            <p>{t('coverage.more', { count: coverage.uncovered.length - listed })}</p>
          )}
        </>
      )}
      <p className="key-site-coverage__note">{t('coverage.note')}</p>
    </section>
  );
}
