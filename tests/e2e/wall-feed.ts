import { getResponse } from 'msw';
import type { BrowserContext, Page } from 'playwright-core';
import { createMockApi } from '../../mocks/api/handlers';
import { loadDemoCityOrFixture } from '../../mocks/node';
import type { DemoCity } from '../../mocks/demo-city';
import { baseUrl } from './browser';

/**
 * The wall's data source, served from the test instead of from the in-page mock: the same mock API handlers run
 * here in Node and answer the page's requests to /wall-feed/* through Playwright routing. That puts the outage in
 * the test's hands (switch the feed down and up) and keeps the mock's own state out of the page's heap, so a
 * soak measures the wall and nothing else.
 */
export const feedPath = '/wall-feed';
export const configPath = '/wall-test-config.json';

export interface WallFeed {
  city: DemoCity;
  /** While true every request fails with 503, as a source down for maintenance would. */
  down: boolean;
  /** Time (ms) of each request per path ("/indicators"), outage or not. */
  requests: Map<string, number[]>;
  served: number;
  /** Cases added to every GET /cases answer from now on, as a source's new cases would be. */
  injected: object[];
  /** A call of the feed's API, answered here (the test's own reading of the data, not the page's). */
  read<T>(pathAndQuery: string): Promise<T>;
  attach(target: Page | BrowserContext, config: Record<string, unknown>): Promise<void>;
}

export async function createWallFeed(): Promise<WallFeed> {
  const city = await loadDemoCityOrFixture();
  const { handlers } = createMockApi({ city, baseUrl: `${baseUrl()}${feedPath}`, validateResponses: false });
  const feed: WallFeed = {
    city,
    down: false,
    requests: new Map(),
    served: 0,
    injected: [],
    async read<T>(pathAndQuery: string) {
      const response = await getResponse(handlers, new Request(`${baseUrl()}${feedPath}${pathAndQuery}`));
      if (!response?.ok) throw new Error(`the feed did not answer ${pathAndQuery}`);
      return (await response.json()) as T;
    },
    async attach(target, config) {
      const baseConfig = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Record<string, unknown>;
      // Matched on the path: a glob would also catch the page itself, whose query names the config.
      await target.route(
        (url) => url.pathname === configPath,
        (route) =>
          route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({
              ...baseConfig,
              mock: false,
              api: { baseUrl: feedPath, headers: {} },
              ...config,
            }),
          }),
      );
      await target.route(
        (url) => url.pathname.startsWith(`${feedPath}/`),
        async (route) => {
          const url = route.request().url();
          const path = new URL(url).pathname.slice(feedPath.length);
          const times = feed.requests.get(path) ?? [];
          times.push(Date.now());
          feed.requests.set(path, times);
          if (feed.down) {
            await route.fulfill({
              status: 503,
              contentType: 'text/plain',
              body: 'source down for maintenance',
            });
            return;
          }
          const response = await getResponse(
            handlers,
            new Request(url, { headers: route.request().headers() }),
          );
          if (!response) {
            await route.fulfill({ status: 404, body: 'no such call' });
            return;
          }
          feed.served += 1;
          const body = Buffer.from(await response.arrayBuffer());
          await route.fulfill({
            status: response.status,
            contentType: response.headers.get('content-type') ?? 'application/json',
            body: path === '/cases' && feed.injected.length > 0 ? withInjected(body, feed.injected) : body,
          });
        },
      );
    },
  };
  return feed;
}

function withInjected(body: Buffer, injected: readonly object[]): string {
  const collection = JSON.parse(body.toString('utf8')) as { features: unknown[] };
  return JSON.stringify({ ...collection, features: [...collection.features, ...injected] });
}

/** The city's districts (ids and names), for tour scenes. */
export function districtsOf(city: DemoCity): { id: string; name: string }[] {
  return city.regions.features
    .filter((region) => region.properties.level === 'district')
    .map((region) => ({ id: region.properties.id, name: region.properties.name }));
}
