import { useTranslation } from 'react-i18next';

export const sidePanels = ['review', 'cases'] as const;
export type SidePanel = (typeof sidePanels)[number];

/** The tabs over the dashboard's side panel: the review of the focused unit, or the live cases. */
export function SidePanelTabs({
  panel,
  onChange,
}: {
  panel: SidePanel;
  onChange: (panel: SidePanel) => void;
}) {
  const { t } = useTranslation('cases');
  return (
    <div className="dashboard__tabs" role="tablist">
      {sidePanels.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`side-tab-${name}`}
          aria-selected={panel === name}
          aria-controls="side-panel"
          onClick={() => onChange(name)}
        >
          {t(`tabs.${name}`)}
        </button>
      ))}
    </div>
  );
}
