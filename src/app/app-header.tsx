import { onlineManager } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../data/queries';
import { languages, loadLanguage, rememberLanguage, type Language } from '../ui/i18n/i18n';
import { useFormatTime } from '../ui/time-format';
import { useRuntimeConfig } from '../ui/runtime-config-context';
import { useViewSettings } from '../ui/view-state';
import { modesOf } from './session/role-modes';
import { useSession } from './session/session-context';

/** Whether TanStack Query takes the browser as online (its own online/offline events, app-shell.ts's start). */
const useOnline = (): boolean =>
  useSyncExternalStore(
    (onChange) => onlineManager.subscribe(onChange),
    () => onlineManager.isOnline(),
  );

export function AppHeader() {
  const { t, i18n } = useTranslation('common');
  const config = useRuntimeConfig();
  const [view, setView] = useViewSettings();
  const meta = useMeta();
  const session = useSession();
  const modes = modesOf(session);
  const changeLanguage = (language: Language) => {
    rememberLanguage(language);
    void loadLanguage(i18n, language).then(() => i18n.changeLanguage(language));
  };
  // On a phone the modes, data time and language fold into a menu (theme.css); on wider screens it is always open.
  const [menuOpen, setMenuOpen] = useState(false);
  const formatTime = useFormatTime();
  const dataTime = meta.data ? formatTime(meta.data.dataTime, 'dateTime') : null;
  const online = useOnline();
  // Data shown but not current: offline (the kept copy, kept-data.ts), or the source stopped answering.
  const stale = meta.data && (!online || meta.isRefetchError) ? (online ? 'failed' : 'offline') : null;
  return (
    <header className="app-header" data-menu={menuOpen ? 'open' : 'closed'}>
      <h1 className="app-header__title">{config.title}</h1>
      <button
        type="button"
        className="app-header__menu-button"
        aria-expanded={menuOpen}
        aria-controls="app-header-menu"
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span aria-hidden="true">☰</span> {t('menu')}
      </button>
      {stale && dataTime ? (
        <p className="app-header__stale" role="status" data-stale={stale}>
          {t(`stale.${stale}`, { time: dataTime })}
        </p>
      ) : null}
      <div className="app-header__menu" id="app-header-menu">
        <nav className="app-header__modes" aria-label={t('appName')}>
          {modes.map((mode) => (
            <button
              key={mode}
              type="button"
              aria-current={view.mode === mode ? 'page' : undefined}
              onClick={() => {
                setMenuOpen(false);
                setView({ mode });
              }}
            >
              {t(`modes.${mode}`)}
            </button>
          ))}
        </nav>
        <span className="app-header__user" data-demo={session.demo}>
          {session.demo
            ? t('session.demoUser')
            : t('session.signedInAs', {
                name: session.name,
                role: session.role ? t(`session.roles.${session.role}`) : '—',
              })}
        </span>
        {session.demo ? null : (
          <button type="button" className="app-header__sign-out" onClick={() => void session.signOut()}>
            {t('session.signOut')}
          </button>
        )}
        <span className="app-header__data-time">{dataTime && t('dataTime', { time: dataTime })}</span>
        <label className="app-header__language">
          <span>{t('language.label')}</span>
          <select
            value={i18n.language}
            onChange={(event) => {
              const chosen = languages.find((language) => language === event.target.value);
              if (chosen) changeLanguage(chosen);
            }}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
