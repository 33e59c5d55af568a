import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createDataSource } from '../data/data-source';
import { setSessionCredential } from '../data/session-credential';
import { DataSourceProvider } from '../data/data-source-context';
import { initI18n } from '../ui/i18n/i18n';
import { RuntimeConfigProvider } from '../ui/runtime-config-context';
import { App } from './app';
import { configUrlOf, loadRuntimeConfig } from './config/load-config';
import { keptConfigFetch } from './config/kept-config';
import { ConfigErrorPage, StartErrorPage } from './config/config-error-page';
import { createQueryClient } from './query-client';
import { startAppShell } from './app-shell';
import { keepData, restoreKeptData } from './kept-data';
import { readWmtsBasemap } from '../map/wmts-capabilities';
import { demoSession, pageBeforeSignIn, type Session } from './session/session';
import { SessionProvider } from './session/session-context';

/**
 * Start-up order: configuration first (it decides the language, the data source and whether the embedded mock
 * runs), then the mock API before the first request, then the first render. Every failure on the way renders a
 * readable page: never a blank one.
 */
export async function start(container: HTMLElement | null): Promise<void> {
  if (!container) throw new Error('#root is missing from index.html');
  const root = createRoot(container);
  const configFetch = keptConfigFetch();
  // Back from the provider at the app's root: the configuration is the one of the page that left for it.
  const page = pageBeforeSignIn(window.location) ?? window.location;
  const result = await loadRuntimeConfig(configUrlOf(page), configFetch.fetch);
  if (!result.ok) {
    const i18n = await initI18n('zh-CN');
    root.render(
      <I18nextProvider i18n={i18n}>
        <ConfigErrorPage url={result.url} problems={result.problems} />
      </I18nextProvider>,
    );
    return;
  }
  // A WMTS base map is resolved to its tile template before the map starts; a failure keeps the plain background.
  const { basemap, problem: basemapProblem } = await readWmtsBasemap(result.config.basemap);
  const config = { ...result.config, basemap };
  const i18n = await initI18n(config.locale);
  // A failure past the configuration (the mock API, the sign-in) still renders a page in the user's language.
  const showStartError = (error: unknown) =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <StartErrorPage reason={error instanceof Error ? error.message : String(error)} />
      </I18nextProvider>,
    );
  if (config.mock) {
    try {
      const { startMockApi } = await import('../../mocks/browser');
      await startMockApi({ baseUrl: config.api.baseUrl });
    } catch (error) {
      showStartError(error);
      return;
    }
  }
  // Sign-in before the first request: a dashboard with a provider configured reads nothing anonymously. The
  // embedded demo has no sign-in; it is labelled as the demo user of the whole city.
  let session: Session = demoSession;
  if (config.auth && !config.mock) {
    try {
      const { startSession } = await import('./session/oidc-session');
      const started = await startSession(config.auth);
      if (!started) return; // on the way to the provider's sign-in page
      session = started;
    } catch (error) {
      showStartError(error);
      return;
    }
    setSessionCredential(session.accessToken);
  }
  document.title = config.title;
  const queryClient = createQueryClient(config.refreshSeconds);
  if (!config.mock) {
    // A real data source: the app shell works offline, and the last data shown opens at once (kept-data.ts).
    void configFetch.keep();
    void startAppShell(config);
    // Signed in, nothing is kept on the device: the session lives in memory only (session/session.ts), so a page
    // opened offline could not sign in anyway, and a kept copy would show one user's scope to the next.
    if (!config.auth) {
      await restoreKeptData(queryClient, config, navigator.onLine && !configFetch.answeredFromKeptCopy());
      keepData(queryClient, config);
    }
  }
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionProvider session={session}>
          <RuntimeConfigProvider config={config}>
            <DataSourceProvider source={createDataSource(config)}>
              <QueryClientProvider client={queryClient}>
                <App />
                {basemapProblem ? (
                  <p role="alert" className="basemap-problem">
                    {basemapProblem}
                  </p>
                ) : null}
              </QueryClientProvider>
            </DataSourceProvider>
          </RuntimeConfigProvider>
        </SessionProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
