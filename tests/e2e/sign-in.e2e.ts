import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../server/dev/identity-provider';
import { startSeededDatabase, type SeededDatabase } from '../../server/dev/seeded-database';
import {
  district,
  gridCommunity,
  insertCaseIn as insertCaseInAs,
  otherDistrict,
  users,
} from '../server/access-fixture';
import { launchBrowser } from './browser';
import { gridNames, pickGrid, plannerCommunity, waitForPlanner } from './planner-page';
import {
  leakSurfaces,
  signInInBrowser,
  startSignedInSite,
  type SignedInBrowser,
  type SignedInSite,
} from './signed-in-site';

/**
 * Each role signs in through a real OpenID Connect provider (oidc-provider on 127.0.0.1, its login form filled
 * by the browser) to the production build on the reference server (nginx, PostgreSQL + PostGIS seeded with the
 * demo city, GRIDBOARD_AUTH=oidc). What the page shows is compared with SQL; what a user could craft is sent
 * at the HTTP level with the token the provider gave his browser; no token may leak anywhere.
 */
/** A planner whose session ends soon and cannot be renewed: the expired-session journey. */
const expiring: TestUser = {
  ...users.planner,
  login: 'guihua-expiring',
  password: 'pw-expiring',
  accessTokenSeconds: 75,
};

let database: SeededDatabase | undefined;
let site: SignedInSite | undefined;
let browser: Browser | undefined;
let db: pg.Client | undefined;
const signedIn: SignedInBrowser[] = [];
/** What the test process printed (the server and the provider run in it). */
const printed: string[] = [];
const writes = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    printed.push(String(chunk));
    return writes.out(chunk, ...rest);
  };
  process.stderr.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    printed.push(String(chunk));
    return writes.err(chunk, ...rest);
  };
  [database, browser] = await Promise.all([startSeededDatabase(), launchBrowser()]);
  site = await startSignedInSite(database.databaseUrl, [...Object.values(users), expiring]);
  db = new pg.Client({ connectionString: database.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await Promise.all(signedIn.map((opened) => opened.context.close()));
  await browser?.close();
  await db?.end();
  await site?.stop();
  database?.cluster.stop();
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
});

const started = () => {
  if (!site || !browser || !db) throw new Error('not started');
  return { site, browser, db };
};

async function signIn(user: TestUser, path: string): Promise<SignedInBrowser> {
  const { site, browser } = started();
  const opened = await signInInBrowser(browser, site, user, path);
  signedIn.push(opened);
  return opened;
}

/** A request the user crafts himself, with his own token, through the site. */
const crafted = (who: SignedInBrowser, path: string, init: RequestInit = {}) =>
  fetch(`${started().site.origin}/api${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${who.accessToken()}` },
  });

/** Polls on a loaded two-core machine: what a page shows may take tens of seconds. */
const waitLong = { timeout: 60_000 };
const mapReady = (who: SignedInBrowser) =>
  who.page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const sorted = (ids: Iterable<string>) => [...ids].sort();

async function idsUnder(table: 'grids' | 'cases', region: string, ids?: string[]): Promise<string[]> {
  const join =
    table === 'grids'
      ? 'FROM grids t JOIN regions r ON r.id = t.community_id'
      : 'FROM cases t JOIN grids g ON g.id = t.grid_id JOIN regions r ON r.id = g.community_id';
  const { rows } = await started().db.query<{ id: string }>(
    `SELECT t.id ${join} WHERE $1 = ANY (r.path) ${ids ? 'AND t.id = ANY ($2)' : ''} ORDER BY t.id`,
    ids ? [region, ids] : [region],
  );
  return rows.map((row) => row.id);
}

const insertCaseIn = (region: string) => insertCaseInAs(started().db, region, '登录测试事件');

/** The case ids of a stream read with `who`'s token at the HTTP level, as they arrive. */
function streamAs(who: SignedInBrowser) {
  const controller = new AbortController();
  const ids: string[] = [];
  void (async () => {
    const response = await crafted(who, '/cases/stream', { signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      buffer += chunk.value;
      for (const match of buffer.matchAll(/^data: (.*)$/gm))
        ids.push((JSON.parse(match[1] ?? '{}') as { properties: { id: string } }).properties.id);
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    }
  })().catch(() => undefined);
  return { ids, close: () => controller.abort() };
}

describe('signed in at the city’s provider, each role sees what it may', () => {
  let planner: SignedInBrowser | undefined;
  let leader: SignedInBrowser | undefined;
  let renamed = '';
  const theLeader = () => {
    if (!leader) throw new Error('the district leader did not sign in');
    return leader;
  };

  it('a planner signs in, and edits a community: his draft is kept on the device', async () => {
    planner = await signIn(expiring, `/planner?region=${plannerCommunity}`);
    await waitForPlanner(planner.page);
    const [first] = await gridNames(planner.page);
    renamed = `${first ?? ''}（已改）`;
    await pickGrid(planner.page, first ?? '');
    await planner.page.getByLabel('名称').fill(renamed);
    await planner.page.getByRole('button', { name: '应用属性', exact: true }).click();
    await planner.page.getByTestId('grid-list').getByRole('button', { name: renamed, exact: true }).waitFor();
  });

  it('a district leader’s map, KPIs and lists hold his district only; his stream too, live', async () => {
    leader = await signIn(users.district, '/?layers=grids,cases');
    const { page } = leader;
    await mapReady(leader);
    // The header names him and his role; the view opens on his district, the breadcrumb starts there.
    await expect
      .poll(() => page.locator('.app-header__user').textContent(), waitLong)
      .toContain('李区长 · 区县领导');
    expect(new URL(page.url()).searchParams.get('region')).toBe(district);
    const districtName = (
      await started().db.query<{ name: string }>('SELECT name FROM regions WHERE id = $1', [district])
    ).rows[0]?.name;
    expect(await page.locator('nav.breadcrumb li').first().textContent()).toBe(districtName);
    writeFileSync('test-results/sign-in-district.png', await page.screenshot());

    // The map's grids: exactly the database's grids of his district.
    const gridAnswer = [...leader.answers].find(([url]) => new URL(url).pathname === '/api/grids')?.[1];
    const drawn = (
      JSON.parse(gridAnswer ?? '{"features":[]}') as { features: { properties: { id: string } }[] }
    ).features.map((feature) => feature.properties.id);
    expect(sorted(drawn)).toEqual(await idsUnder('grids', district));

    // The KPI card: the cases reported in the period, counted in SQL under his district.
    const card = page.locator('.kpi-card[data-indicator="casesReported"] .kpi-card__value');
    await card.waitFor({ timeout: 60_000 });
    const asked = leader.urls
      .filter((url) => new URL(url).pathname === '/api/indicators')
      .map((url) => new URL(url).searchParams)
      .sort((a, b) => Date.parse(b.get('to') ?? '') - Date.parse(a.get('to') ?? ''))[0];
    const counted = await started().db.query<{ reported: number }>(
      `SELECT count(*)::int AS reported FROM cases c JOIN grids g ON g.id = c.grid_id
       JOIN regions r ON r.id = g.community_id
       WHERE $1 = ANY (r.path) AND c.reported_at >= $2 AND c.reported_at < $3`,
      [district, asked?.get('from'), asked?.get('to')],
    );
    const reported = counted.rows[0]?.reported ?? 0;
    expect(reported).toBeGreaterThan(0);
    await expect.poll(async () => digits(await card.textContent()), waitLong).toBe(reported);

    // The rankings list his district's streets, no other unit.
    const ranked = await page.locator('.rankings:not(.department-league) .ranking__drill').allTextContents();
    const streets = await started().db.query<{ name: string }>(
      `SELECT name FROM regions WHERE parent_id = $1`,
      [district],
    );
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.filter((name) => !streets.rows.some((row) => row.name === name))).toEqual([]);

    // The live cases: streamed (not polled) with his token, a case of his district arrives, another's never.
    await page.getByRole('tab', { name: '实时事件' }).click();
    await page.waitForSelector('[data-connection="live"]', { timeout: 60_000 });
    // Streamed, not polled: the page opened the stream (with the header: no token in its URL, checked below).
    expect(leader.urls.some((url) => new URL(url).pathname === '/api/cases/stream')).toBe(true);
    const listed = page.locator('[data-testid="latest-cases"] [data-case-id]');
    await listed.first().waitFor({ timeout: 30_000 });
    const shownIds = await listed.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-case-id') ?? ''),
    );
    expect(sorted(await idsUnder('cases', district, shownIds))).toEqual(sorted(shownIds));
    const stream = streamAs(leader);
    try {
      const theirs = await insertCaseIn(otherDistrict);
      const ours = await insertCaseIn(district);
      await page
        .locator(`[data-testid="latest-cases"] [data-case-id="${ours}"]`)
        .waitFor({ timeout: 30_000 });
      await expect.poll(() => stream.ids.includes(ours), { timeout: 30_000 }).toBe(true);
      // Events leave in order: theirs, written first, would have come before ours.
      expect(stream.ids).not.toContain(theirs);
      expect(await page.locator(`[data-case-id="${theirs}"]`).count()).toBe(0);
    } finally {
      stream.close();
    }
  });

  it('the district leader’s crafted requests for another district get 403 or nothing (HTTP, his own token)', async () => {
    const leader = theLeader();
    const theirs = await idsUnder('cases', otherDistrict);
    expect(theirs.length).toBeGreaterThan(0);
    const some = theirs.slice(0, 40).join(',');
    const byIds = await crafted(leader, `/cases?ids=${some}&from=2000-01-01T00:00:00Z`);
    expect(byIds.status).toBe(200);
    expect(((await byIds.json()) as { features: unknown[] }).features).toEqual([]);

    const { rows } = await started().db.query<{ box: number[]; lng: number; lat: number; community: string }>(
      `SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS box, ST_X(p) AS lng, ST_Y(p) AS lat,
              (SELECT id FROM regions WHERE level = 'community' AND $1 = ANY (path) LIMIT 1) AS community
       FROM (SELECT ST_Envelope(geom) AS e, ST_PointOnSurface(geom) AS p FROM regions WHERE id = $1) x`,
      [otherDistrict],
    );
    const other = rows[0];
    if (!other) throw new Error('no other district');
    const mine = new Set(await idsUnder('grids', district));
    const boxed = (await (await crafted(leader, `/grids?bbox=${other.box.join(',')}`)).json()) as {
      features: { properties: { id: string } }[];
    };
    expect(boxed.features.filter((feature) => !mine.has(feature.properties.id))).toEqual([]);
    const casesBoxed = (await (
      await crafted(leader, `/cases?bbox=${other.box.join(',')}&from=2000-01-01T00:00:00Z`)
    ).json()) as { features: { properties: { id: string } }[] };
    const ours = new Set(await idsUnder('cases', district));
    expect(casesBoxed.features.filter((feature) => !ours.has(feature.properties.id))).toEqual([]);

    for (const path of [
      `/indicators?region=${otherDistrict}`,
      `/cases?region=${otherDistrict}`,
      `/grids?community=${other.community}`,
    ]) {
      const response = await crafted(leader, path);
      expect(response.status, path).toBe(403);
    }

    // The grid tile over the other district's heart holds none of its grids.
    const z = 11;
    const x = Math.floor(((other.lng + 180) / 360) * 2 ** z);
    const rad = (other.lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
    const tile = await crafted(leader, `/tiles/grids/${z}/${x}/${y}.mvt`);
    expect(tile.status).toBe(200);
    const layer = new VectorTile(new PbfReader(await tile.arrayBuffer())).layers.grids;
    const tiled: string[] = [];
    for (let i = 0; i < (layer?.length ?? 0); i += 1) tiled.push(String(layer?.feature(i).properties.id));
    expect(tiled.filter((id) => !mine.has(id))).toEqual([]);
  });

  it('a city and a street leader open on their own scope, named in the header with their role', async () => {
    for (const [user, role] of [
      [users.city, '市级领导'],
      [users.street, '街道领导'],
    ] as const) {
      const opened = await signIn(user, '/');
      const { page } = opened;
      await expect
        .poll(() => page.locator('.app-header__user').textContent(), waitLong)
        .toBe(`${user.name} · ${role}`);
      const { rows } = await started().db.query<{ name: string }>('SELECT name FROM regions WHERE id = $1', [
        user.scope,
      ]);
      await expect
        .poll(() => page.locator('nav.breadcrumb li').last().textContent(), waitLong)
        .toBe(rows[0]?.name);
      // The city leader's view is the city (no region in the URL); the street leader's starts at his street.
      const region = new URL(page.url()).searchParams.get('region');
      expect(region).toBe(user.role === 'city_leader' ? null : user.scope);
      if (user.role === 'street_leader')
        expect(await page.locator('nav.breadcrumb li').first().textContent()).toBe(rows[0]?.name);
      expect(await page.locator('.app-header__modes button').allTextContents()).toEqual(['驾驶舱', '大屏']);
    }
  });

  it('the wall credential runs the wall only and receives no name or phone, in the page or crafted', async () => {
    const wall = await signIn(users.wall, '/');
    await wall.page.locator('.wall').waitFor({ timeout: 60_000 });
    expect(await wall.page.locator('.app-header').count()).toBe(0);
    await expect
      .poll(() => [...wall.answers.keys()].some((url) => url.includes('/api/cases')), waitLong)
      .toBe(true);
    writeFileSync('test-results/sign-in-wall.png', await wall.page.screenshot());
    const personal = /"(workerName|phone)"\s*:/;
    for (const [url, text] of wall.answers) expect(personal.test(text), url).toBe(false);
    const leader = theLeader();
    for (const path of ['/grids', '/stations']) {
      const seen = await (await crafted(wall, path)).text();
      expect(JSON.parse(seen)).toHaveProperty('features');
      expect(personal.test(seen), path).toBe(false);
      // A leader's answer to the same request holds them: the check reads the fields that exist.
      expect(personal.test(await (await crafted(leader, path)).text()), path).toBe(true);
    }
  });

  it('a grid worker is offered no planner, and the server refuses his PUT /grids with 403', async () => {
    // A link to the planner: he has no such mode, the dashboard opens instead, on his grid.
    const worker = await signIn(users.worker, '/planner');
    await worker.page.locator('.app--dashboard').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => worker.page.locator('.app-header__user').textContent(), waitLong)
      .toContain('网格员');
    await expect
      .poll(() => new URL(worker.page.url()).searchParams.get('region'), waitLong)
      .toBe(users.worker.scope);
    const modes = await worker.page.locator('.app-header__modes button').allTextContents();
    expect(modes).toEqual(['驾驶舱', '大屏']);
    expect(await worker.page.locator('.app--planner').count()).toBe(0);
    const before = await started().db.query<{ version: number }>(
      'SELECT max(version)::int AS version FROM grids WHERE community_id = $1',
      [gridCommunity],
    );
    const grids = (await (await crafted(worker, '/grids')).json()) as {
      features: unknown[];
    };
    expect(grids.features.length).toBeGreaterThan(0);
    const response = await crafted(worker, `/grids?community=${gridCommunity}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: before.rows[0]?.version, grids }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe('forbidden_role');
    const after = await started().db.query<{ version: number }>(
      'SELECT max(version)::int AS version FROM grids WHERE community_id = $1',
      [gridCommunity],
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('the planner’s session expires: saving shows an alert, signing in again keeps his draft', async () => {
    if (!planner) throw new Error('the planner did not sign in');
    const { page } = planner;
    // Wait until his (unrenewable) access token has expired by its own `exp`.
    const [, payload = ''] = planner.accessToken().split('.');
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
    await expect.poll(() => Date.now() / 1000 > exp + 1, { timeout: 90_000, interval: 1000 }).toBe(true);
    await page.getByRole('button', { name: '保存到服务器' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '登录已过期' });
    await alert.waitFor({ timeout: 30_000 });
    writeFileSync('test-results/sign-in-expired.png', await page.screenshot());
    const { rows } = await started().db.query<{ name: string }>(
      'SELECT name FROM grids WHERE community_id = $1',
      [plannerCommunity],
    );
    expect(rows.map((row) => row.name)).not.toContain(renamed);
    await alert.getByRole('button', { name: '重新登录' }).click();
    // The provider still knows him (its session cookie): no password asked, straight back to the planner.
    await page.waitForURL((url) => url.pathname === '/planner', { timeout: 30_000 });
    expect(page.url()).not.toContain('code=');
    await page.getByTestId('draft-resumed').waitFor({ timeout: 60_000 });
    expect(await gridNames(page)).toContain(renamed);
  });

  it('no token appears in a URL, the console, a log line, localStorage, sessionStorage or a cookie', async () => {
    expect(signedIn.length).toBeGreaterThan(0);
    const logs = [printed.join(''), readFileSync(join(started().site.nginx.dir, 'error.log'), 'utf8')].join(
      '\n',
    );
    for (const opened of signedIn) {
      const tokens = [...opened.tokens.access, ...opened.tokens.id, ...opened.tokens.refresh];
      expect(opened.tokens.access.length).toBeGreaterThan(0);
      expect(opened.tokens.id.length).toBeGreaterThan(0);
      const surfaces = { ...(await leakSurfaces(opened)), logs };
      for (const [where, text] of Object.entries(surfaces))
        for (const token of tokens) expect(text.includes(token), `a token in ${where}`).toBe(false);
    }
  });
});
