import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recoveryDelayMs } from '../../src/data/layer-failure';
import { DataError } from '../../src/data/data-error';
import { healthyResponse, streamFaults, secretToken, wireFaults, type WireFault } from './catalogue';
import { runFault } from './run-fault';
import { faultsTable } from './table';

const tokenValue = secretToken.split(' ')[1]!;

describe('the fault catalogue', () => {
  it('holds at least 30 distinct cases', () => {
    const ids = [...wireFaults, ...streamFaults].map((fault) => fault.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(30);
  });

  it('is listed in docs/faults.md as scripts/faults-table.ts writes it', async () => {
    expect(readFileSync('docs/faults.md', 'utf8')).toBe(await faultsTable());
  });
});

describe.each(wireFaults)('fault $id ($title) at the data layer', (fault: WireFault) => {
  let logged: unknown[][];
  beforeEach(() => {
    logged = [];
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
  });
  afterEach(() => vi.restoreAllMocks());

  it('ends as the catalogue says, in both UI languages', async () => {
    const run = await runFault(fault);
    const { outcome } = fault;
    if (outcome.alert) {
      expect(run.error).toBeInstanceOf(DataError);
      expect(run.error?.kind).toBe(outcome.kind);
      expect(run.error?.layer).toBe(fault.layer);
      expect(run.alert.en).toContain(outcome.en);
      expect(run.alert.zh).toContain(outcome.zh);
      // The server's own words: exactly what it said, trimmed and collapsed, no markup, at most 300 characters.
      if (outcome.server !== undefined) expect(run.error?.serverMessage).toContain(outcome.server);
      if (run.error?.serverMessage !== undefined) {
        expect(run.error.serverMessage).not.toMatch(/[<>]script|<img|<h1|<\/?ows:/i);
        expect(run.error.serverMessage.length).toBeLessThanOrEqual(300);
        expect(run.error.serverMessage).toBe(run.error.serverMessage.trim());
      }
      // The alert names the layer in the UI language, and nothing of the English reason leaks into Chinese.
      expect(run.alert.en.toLowerCase()).toContain(fault.layer === 'grids' ? 'grids' : fault.layer);
      expect(run.alert.zh).toMatch(/视频监控|网格|事件/);
      expect(run.alert.zh).not.toMatch(/returned|unexpected|from \//);
    } else {
      expect(run.error).toBeNull();
      expect(run.features).toBe(outcome.features);
      if ('notice' in outcome) {
        expect(run.notice.en).toContain(outcome.notice.en);
        expect(run.notice.zh).toContain(outcome.notice.zh);
        expect(run.notice.en).toContain(`1 of ${outcome.features + 1} features left out`);
      } else expect(run.notice).toEqual({ en: '', zh: '' });
    }
  });

  it('never puts the configured token in a URL, a message or the console', async () => {
    const run = await runFault(fault);
    expect(run.requests.length).toBeGreaterThan(0);
    for (const request of run.requests) {
      expect(request.url).not.toContain(tokenValue);
      expect(request.url.startsWith('https://data.example.cn/gridboard/api/')).toBe(true);
      expect(request.headers.authorization).toBe(secretToken);
    }
    const said = [
      run.alert.en,
      run.alert.zh,
      run.error?.message ?? '',
      run.error?.reason ?? '',
      ...logged.flat(),
    ];
    for (const text of said) expect(String(text)).not.toContain(tokenValue);
  });

  it('recovers: the next request to a healthy source delivers the layer', async () => {
    await runFault(fault);
    const recovered = await runFault({ ...fault, respond: healthyResponse(fault.layer) });
    expect(recovered.error).toBeNull();
    expect(recovered.features).toBeGreaterThan(0);
  });
});

describe('automatic recovery timing (query client)', () => {
  const failure = (status: number, retryAfterSeconds?: number) =>
    new DataError('cameras', 'http', `HTTP ${status}`, status, retryAfterSeconds);

  it('honours Retry-After over its own backoff', () => {
    expect(recoveryDelayMs(failure(429, 7), 1, 60_000, 0.9)).toBe(7000);
    expect(recoveryDelayMs(failure(429, 0), 1, 60_000, 0.9)).toBe(1000);
  });

  it('backs off from one second, doubling with failures in a row, up to the refresh interval', () => {
    const delays = [1, 2, 3, 4, 10].map((failures) => recoveryDelayMs(failure(503), failures, 5000, 0));
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('spreads the retries by up to a quarter (jitter), never past the cap', () => {
    expect(recoveryDelayMs(failure(503), 3, 5000, 1)).toBe(3000);
    expect(recoveryDelayMs(failure(503), 10, 5000, 0.5)).toBe(4375);
  });

  it('retries bad data too: a source that sent a broken document may send a good one', () => {
    const schema = new DataError('grids', 'schema', 'unexpected data');
    expect(recoveryDelayMs(schema, 1, 60_000, 0)).toBe(1000);
  });
});
