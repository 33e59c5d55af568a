import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The scorecard and the assessment's code load on the first click: the map's grid panel is on the first screen.
const GridScorecard = lazy(() => import('./grid-scorecard'));

/** The map grid panel's way to its grid's scorecard (考核卡). */
export function GridScorecardButton({ gridId, name }: { gridId: string; name: string }) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="map-detail__action" onClick={() => setOpen(true)}>
        {t('assessment.fromMap')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <GridScorecard gridId={gridId} name={name} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
