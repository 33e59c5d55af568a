import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../csp.config';
import { startNginx, type Nginx } from '../../server/dev/nginx';
import { startSeededDatabase, type SeededDatabase } from '../../server/dev/seeded-database';
import { buildServer } from '../../server/src/app';
import { indicatorsSchema } from '../../src/contract/schemas/contract.schema';
import { launchBrowser } from './browser';
import { gridPixels } from './pixels';
import { gridNames, pickGrid, plannerCommunity, waitForGridCount, waitForPlanner } from './planner-page';

/**
 * The production build on the reference server, mock off, deployed as docs/deployment.md says: a throwaway
 * PostgreSQL + PostGIS seeded with the demo city, two server instances, and nginx serving the build and the
 * contract under one origin with `"mock": false, "api": {"baseUrl": "/api"}`. What the browser shows is checked
 * against the database itself (SQL), not against what the page fetched.
 */
let database: SeededDatabase | undefined;
const instances: FastifyInstance[] = [];
let site: Nginx | undefined;
let browser: Browser | undefined;
let client: pg.Client | undefined;
/** The dashboard the first two tests read: the map, then the KPIs. */
let dashboard: Visit | undefined;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  const outDir = resolve(process.env.GRIDBOARD_DIST ?? 'dist');
  database = await startSeededDatabase();
  const { databaseUrl } = database;
  for (const instance of ['a', 'b']) {
    const app = await buildServer({
      databaseUrl,
      host: '127.0.0.1',
      port: 0,
      basePath: '/api',
      bodyLimitBytes: 8 * 1024 * 1024,
      retryAfterSeconds: 2,
      instance,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    instances.push(app);
  }
  const upstreams = instances.map((app) => {
    const address = app.server.address();
    return typeof address === 'object' && address ? `127.0.0.1:${address.port}` : '';
  });
  const built = JSON.parse(readFileSync(`${outDir}/config.json`, 'utf8')) as Record<string, unknown>;
  site = await startNginx({
    upstreams,
    root: outDir,
    config: { ...built, mock: false, api: { baseUrl: '/api' } },
    policy: contentSecurityPolicy,
  });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await client?.end();
  await site?.stop();
  await Promise.all(instances.map((app) => app.close()));
  database?.cluster.stop();
});

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
  close: () => Promise<void>;
}

async function visit(path: string): Promise<Visit> {
  if (!browser || !site) throw new Error('not started');
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.origin}${path}`);
  return { page, requests, errors, close: () => context.close() };
}

/** The database itself, beside the servers: what the page shows is checked against it. */
const sql = {
  query: <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    if (!client) throw new Error('the database is not started');
    return client.query<Row>(text, values);
  },
};

const mapReady = (page: Page) =>
  page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const apiPath = (url: string) => new URL(url).pathname;

describe('the production build on the reference server (PostgreSQL + PostGIS, two instances, nginx)', () => {
  it('draws the grids the server serves, with no mock in the page', async () => {
    dashboard = await visit('/?layers=grids');
    const { page, requests, errors } = dashboard;
    await mapReady(page);
    const map = page.locator('.grid-map');
    const shot = await map.screenshot();
    writeFileSync('test-results/real-server-grids.png', shot);
    const drawn = gridPixels(shot);
    expect(drawn).toBeGreaterThan(50_000);
    // The grids layer off takes those pixels away: they were the server's grids.
    await page.getByRole('checkbox', { name: '网格', exact: true }).uncheck();
    await expect.poll(async () => gridPixels(await map.screenshot())).toBeLessThan(drawn / 20);
    expect(requests.map(apiPath)).toContain('/api/grids');
    expect(requests.filter((url) => /mockServiceWorker|\/demo-city\//.test(url))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows in its KPI cards the figures of /indicators, equal to a count of the cases in SQL', async () => {
    // The same page: its review shows the city's KPIs beside the map.
    if (!dashboard) throw new Error('the dashboard did not open');
    const { page, requests, close } = dashboard;
    const card = (key: string) => page.locator(`.kpi-card[data-indicator="${key}"]`);
    await card('casesReported').locator('.kpi-card__value').waitFor({ timeout: 60_000 });
    // The cards show the current period; the page also asks for the one before it (the change arrows).
    const asked = requests.filter((url) => apiPath(url) === '/api/indicators');
    const answers = await Promise.all(
      asked.map(async (url) => indicatorsSchema.parse(await (await fetch(url)).json())),
    );
    const current = answers.sort((a, b) => Date.parse(b.to) - Date.parse(a.to))[0];
    if (!current) throw new Error('no /indicators request');
    const { rows } = await sql.query<{ reported: number; closed: number; resolved: number }>(
      `SELECT count(*) FILTER (WHERE reported_at >= $1 AND reported_at < $2)::int AS reported,
              count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2)::int AS closed,
              count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2 AND resolved)::int AS resolved
       FROM cases WHERE reported_at < $2`,
      [current.from, current.to],
    );
    const counted = rows[0];
    expect(counted?.reported).toBeGreaterThan(0);
    expect(current.figures.casesReported).toBe(counted?.reported);
    expect(current.figures.resolutionRate).toEqual({
      numerator: counted?.resolved,
      denominator: counted?.closed,
    });
    expect(digits(await card('casesReported').locator('.kpi-card__value').textContent())).toBe(
      counted?.reported,
    );
    const fraction = await card('resolutionRate').locator('.kpi-card__fraction').textContent();
    expect((fraction ?? '').split('/').map(digits)).toEqual([counted?.resolved, counted?.closed]);
    await close();
  });

  it('shows a case written into the database with SQL in the live cases, at its place', async () => {
    const place = await sql.query<{ id: string; name: string; lng: number; lat: number }>(
      `SELECT id, name, ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT id, name, sort, ST_PointOnSurface(geom) AS p FROM grids) g ORDER BY sort OFFSET 40 LIMIT 1`,
    );
    const grid = place.rows[0];
    if (!grid) throw new Error('no grid');
    const { page, close } = await visit(
      `/?layers=grids,cases&window=7d&map=${grid.lng.toFixed(5)},${grid.lat.toFixed(5)},16`,
    );
    await mapReady(page);
    await page.getByRole('tab', { name: '实时事件' }).click();
    await page.waitForSelector('[data-connection="live"]', { timeout: 60_000 });
    const map = page.locator('.grid-map');
    const quiet = await map.screenshot();
    const caseId = `E2E-${Date.now()}`;
    await sql.query(
      `INSERT INTO cases (id, title, channel, category, status, reported_at, due_at, grid_id, stage_times, geom)
       VALUES ($1, '实时测试：路灯损坏', 'hotline_12345', 'safety_hazard', 'reported', date_trunc('second', now()),
               date_trunc('second', now()) + interval '3 days', $2,
               json_build_object('reported', contract_time(date_trunc('second', now()))),
               ST_SetSRID(ST_MakePoint($3, $4), 4326))`,
      [caseId, grid.id, grid.lng, grid.lat],
    );
    const item = page.locator(`[data-testid="latest-cases"] [data-case-id="${caseId}"]`);
    await item.waitFor({ timeout: 20_000 });
    const arrived = await map.screenshot();
    writeFileSync('test-results/real-server-arrival.png', arrived);
    // What the arrival repainted lies around the case's place, the centre of the view.
    const change = changeAround(quiet, arrived);
    expect(change.near).toBeGreaterThan(20);
    expect(change.far).toBeLessThan(change.near);
    await item.click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain(caseId);
    expect(await detail.textContent()).toContain(grid.name);
    await close();
  });
});

describe('two planners on one community, each in his own browser, on the reference server', () => {
  let opened: { first: Visit; second: Visit } | undefined;
  beforeAll(async () => {
    const [first, second] = await Promise.all([
      visit(`/planner?region=${plannerCommunity}`),
      visit(`/planner?region=${plannerCommunity}`),
    ]);
    opened = { first, second };
    await Promise.all([waitForPlanner(first.page), waitForPlanner(second.page)]);
  });
  afterAll(async () => {
    await Promise.all([opened?.first.close(), opened?.second.close()]);
  });
  const planners = () => {
    if (!opened) throw new Error('the planners did not open');
    return opened;
  };

  it('shows a plan one planner saved to another planner after a reload', async () => {
    const { first, second } = planners();
    const names = await gridNames(first.page);
    const doomed = names.at(-1) ?? '';
    await pickGrid(first.page, doomed);
    const heir = (await first.page.getByLabel('并入').locator('option').allInnerTexts()).at(-1) ?? '';
    await first.page.getByLabel('并入').selectOption({ label: heir });
    const areas = () =>
      sql.query<{ name: string; id: string; area: number }>(
        'SELECT name, id, ST_Area(geom::geography) AS area FROM grids WHERE community_id = $1',
        [plannerCommunity],
      );
    const before = new Map((await areas()).rows.map((row) => [row.name, row]));
    await first.page.getByRole('toolbar').getByRole('button', { name: '删除', exact: true }).click();
    await waitForGridCount(first.page, names.length - 1);
    await first.page.getByRole('button', { name: '保存到服务器' }).click();
    await first.page.getByText(/已保存为第 \d+ 版/).waitFor({ timeout: 20_000 });

    // In the database: the deleted grid is gone, its neighbour holds both areas.
    const after = new Map((await areas()).rows.map((row) => [row.name, row]));
    expect([...after.keys()].sort()).toEqual(names.filter((name) => name !== doomed).sort());
    const merged = (before.get(heir)?.area ?? 0) + (before.get(doomed)?.area ?? 0);
    expect(after.get(heir)?.area).toBeCloseTo(merged, -1);
    // The other planner, after a reload, sees the saved plan.
    await second.page.reload();
    await waitForGridCount(second.page, names.length - 1);
    expect((await gridNames(second.page)).sort()).toEqual([...after.keys()].sort());
    expect(first.errors.concat(second.errors)).toEqual([]);
  });

  it('answers the second of two planners saving one community with a conflict he can read, his draft kept', async () => {
    const { first, second } = planners();
    const names = await gridNames(first.page);
    const rename = async (page: Page, from: string, to: string) => {
      await pickGrid(page, from);
      await page.getByLabel('名称').fill(to);
      await page.getByRole('button', { name: '应用属性', exact: true }).click();
      await page.getByTestId('grid-list').getByRole('button', { name: to, exact: true }).waitFor();
    };
    await rename(first.page, names[0] ?? '', '甲规划的网格');
    await rename(second.page, names[1] ?? '', '乙规划的网格');
    const version = async () =>
      (
        await sql.query<{ version: number }>(
          'SELECT max(version)::int AS version FROM grids WHERE community_id = $1',
          [plannerCommunity],
        )
      ).rows[0]?.version ?? Number.NaN;
    const base = await version();
    await first.page.getByRole('button', { name: '保存到服务器' }).click();
    await first.page.getByText(`已保存为第 ${base + 1} 版`).waitFor({ timeout: 20_000 });
    expect(await version()).toBe(base + 1);

    await second.page.getByRole('button', { name: '保存到服务器' }).click();
    const conflict = second.page.getByRole('alert').filter({ hasText: '已有他人先保存了本社区' });
    await conflict.waitFor({ timeout: 20_000 });
    const text = await conflict.textContent();
    expect(text).toContain(`当前第 ${base + 1} 版`);
    expect(text).toContain('甲规划的网格');
    await second.page.screenshot({ path: 'test-results/real-server-conflict.png' });
    // Nothing of the second planner's work is lost: on the page, and in the draft a reload finds.
    expect(await gridNames(second.page)).toContain('乙规划的网格');
    const inDatabase = await sql.query<{ name: string }>('SELECT name FROM grids WHERE community_id = $1', [
      plannerCommunity,
    ]);
    expect(inDatabase.rows.map((row) => row.name)).not.toContain('乙规划的网格');
    await second.page.reload();
    await second.page.getByTestId('draft-resumed').waitFor({ timeout: 60_000 });
    expect(await gridNames(second.page)).toContain('乙规划的网格');
    // Applied onto the first planner's version, the second save keeps both planners' work.
    await second.page.getByRole('button', { name: '保存到服务器' }).click();
    await conflict.getByRole('button', { name: /将我的修改应用到对方版本上/ }).click();
    await second.page.getByRole('button', { name: '保存到服务器' }).click();
    await second.page.getByText(`已保存为第 ${base + 2} 版`).waitFor({ timeout: 20_000 });
    const both = await sql.query<{ name: string }>('SELECT name FROM grids WHERE community_id = $1', [
      plannerCommunity,
    ]);
    expect(both.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['甲规划的网格', '乙规划的网格']),
    );
  });
});

/** Pixels a change repainted within 120 px of the view's centre, and elsewhere. */
function changeAround(a: Buffer, b: Buffer): { near: number; far: number } {
  const first = PNG.sync.read(a);
  const second = PNG.sync.read(b);
  const [cx, cy] = [first.width / 2, first.height / 2];
  let near = 0;
  let far = 0;
  for (let y = 0; y < first.height; y++)
    for (let x = 0; x < first.width; x++) {
      const at = (y * first.width + x) * 4;
      let d = 0;
      for (let channel = 0; channel < 3; channel++)
        d += Math.abs((first.data[at + channel] ?? 0) - (second.data[at + channel] ?? 0));
      if (d <= 24) continue;
      if (Math.hypot(x - cx, y - cy) <= 120) near += 1;
      else far += 1;
    }
  return { near, far };
}
