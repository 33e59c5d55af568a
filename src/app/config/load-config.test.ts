import { describe, expect, it } from 'vitest';
import { configUrlOf, loadRuntimeConfig, validateConfig } from './load-config';

const respond =
  (status: number, body: string): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status }));
const page = (path: string) => {
  const url = new URL(path, 'http://wall.local');
  return { href: url.href, search: url.search, origin: url.origin };
};

describe('runtime configuration', () => {
  it('applies defaults to a minimal file', () => {
    const result = validateConfig('c.json', { api: { baseUrl: '/api' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.locale).toBe('zh-CN');
    expect(result.config.refreshSeconds).toBe(60);
    expect(result.config.basemap.kind).toBe('none');
    expect(result.config.wall.designWidth).toBe(3840);
    expect(result.config.planner.householdsPerGrid).toEqual([300, 500]);
  });

  it('names the field that is wrong', () => {
    const result = validateConfig('c.json', {
      api: { baseUrl: '/api' },
      refreshSeconds: 'often',
      locale: 'fr',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((problem) =>
      problem.kind === 'field' ? problem.field : problem.kind,
    );
    expect(fields).toContain('refreshSeconds');
    expect(fields).toContain('locale');
  });

  it('requires a URL for a raster base map and rejects unknown keys', () => {
    const result = validateConfig('c.json', {
      api: { baseUrl: '/api' },
      basemap: { kind: 'raster' },
      colour: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = JSON.stringify(result.problems);
    expect(text).toContain('basemap.url');
    expect(text).toContain('colour');
  });

  it('reports malformed JSON and unreadable files as such', async () => {
    const malformed = await loadRuntimeConfig('c.json', respond(200, '{"title": '));
    expect(malformed.ok ? null : malformed.problems[0]?.kind).toBe('malformed');
    const missing = await loadRuntimeConfig('c.json', respond(404, 'not found'));
    expect(missing.ok ? null : missing.problems[0]).toEqual({ kind: 'unreadable', reason: 'HTTP 404' });
  });

  it('honours ?config= on the same origin only', () => {
    expect(configUrlOf(page('/wall?config=/displays/hall.json'))).toBe(
      'http://wall.local/displays/hall.json',
    );
    expect(configUrlOf(page('/?config=https://evil.example/c.json'))).toBe('http://wall.local/config.json');
    expect(configUrlOf(page('/'))).toBe('http://wall.local/config.json');
  });
});
