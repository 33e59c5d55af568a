import type { Page } from 'playwright-core';

/** Serve the page this runtime configuration instead of the build's config.json. */
export async function serveConfig(page: Page, config: unknown): Promise<void> {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }),
  );
}

/** Ask the app to refetch its stale layers, as it does when the network comes back. */
export const reconnect = (page: Page): Promise<void> =>
  page.evaluate(() => {
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
  });
