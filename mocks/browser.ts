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
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return { worker, state };
}
