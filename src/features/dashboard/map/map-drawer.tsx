import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCompact } from '../../../ui/screen';

/**
 * The layer panel, the indicator colouring and the legend over the map's left edge. On a phone or a tablet they
 * fold into a drawer behind one button (closed at first, so the map shows whole); on a desktop the button is
 * hidden (dashboard-map.css) and the drawer stays open.
 */
export function MapDrawer({ children }: { children: ReactNode }) {
  const { t } = useTranslation('map');
  const [open, setOpen] = useState(() => !isCompact());
  return (
    <div className="map-drawer" data-open={open ? 'true' : 'false'}>
      <button
        type="button"
        className="map-drawer__toggle"
        aria-expanded={open}
        aria-controls="map-drawer-panel"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <span aria-hidden="true">☰</span> {t('layerPanel.title')}
      </button>
      <div className="map-drawer__panel dashboard-map__side" id="map-drawer-panel">
        {children}
      </div>
    </div>
  );
}
