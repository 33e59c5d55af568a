import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../data/queries';
import { useViewState } from '../../ui/view-state';
import { DraftsList } from './drafts-list';

const shownAtMost = 50;

/** Without ?region=, the planner asks which community to open, and offers the drafts kept in this browser. */
export function CommunityPicker() {
  const { t } = useTranslation('planner');
  const regions = useRegions();
  const [, setView] = useViewState();
  const [query, setQuery] = useState('');
  const communities = (regions.data?.features ?? []).filter(
    (feature) => feature.properties.level === 'community',
  );
  const matches = communities.filter((feature) => feature.properties.name.includes(query.trim()));
  return (
    <div className="planner-picker">
      <h2>{t('picker.title')}</h2>
      <label>
        {t('picker.search')}{' '}
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      {regions.error && <p role="alert">{regions.error.message}</p>}
      <ul className="planner-picker__list">
        {matches.slice(0, shownAtMost).map((feature) => (
          <li key={feature.properties.id}>
            <button type="button" onClick={() => setView({ region: feature.properties.id })}>
              {feature.properties.name} <small>{feature.properties.id}</small>
            </button>
          </li>
        ))}
      </ul>
      {matches.length > shownAtMost && <p>{t('picker.more', { count: matches.length - shownAtMost })}</p>}
      <DraftsList refresh={null} onResume={(draft) => setView({ region: draft.communityId })} />
    </div>
  );
}
