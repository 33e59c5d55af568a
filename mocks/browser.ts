import { setupWorker } from 'msw/browser';
import { createMockApi, type MockApiOptions } from './api/handlers';
import { loadDemoCity, type DemoCity } from './demo-city';

export interface StartMockApiOptions extends Omit<MockApiOptions, 'city'> {
  /** A city already loaded; otherwise the demo city is fetched from `cityUrl`. */
  city?: DemoCity;
  cityUrl?: string;
}

/**
 * Start the embedded mock API in the browser before the first request. The demo city is fetched first (the
 * worker is not running yet, and with onUnhandledRequest 'bypass' static files keep passing through later).
 */
export async function startMockApi(options: StartMockApiOptions = {}) {
  const { city: givenCity, cityUrl, ...rest } = options;
  const city = givenCity ?? (await loadDemoCity(cityUrl));
  const { handlers, state } = createMockApi({
    ...rest,
    city,
    validateResponses: rest.validateResponses ?? import.meta.env.DEV,
  });
  const worker = setupWorker(...handlers);
  ignoreWorkerUpdateFailure();
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return { worker, state };
}

/**
 * msw's start calls `registration.update()` on a worker already registered and does not wait for it. The update
 * is only a check for a newer script: when it fails (Chromium answers "Not found" if the page reloads or the
 * registration changes while the check is on the wire — seen once in a browser journey's page reload), the
 * registered worker keeps serving, but the promise's rejection surfaces as an uncaught page error. Only that
 * rejection is marked handled; any other stays uncaught.
 */
function ignoreWorkerUpdateFailure(): void {
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const message = event.reason instanceof Error ? event.reason.message : String(event.reason);
    if (message.startsWith('Failed to update a ServiceWorker') && message.includes('/mockServiceWorker.js'))
      event.preventDefault();
  });
}
