import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type Nginx } from '../../server/dev/nginx';
import { parseFrames, type StreamEvent } from '../contract/contract-client';
import { insertCase, startServer, writerClient } from './server-harness';

/**
 * The deployment of docs/deployment.md on one machine: two server instances on one database behind Debian's
 * nginx (upstream, keep-alive, buffering off). Requests reach both; a stream on each gets every new case once,
 * under one event id; a client's Last-Event-ID is replayed by an instance that never saw those events (the replay
 * is read from the database, not from memory); with one instance stopped the other serves everything.
 */
const instances: Record<string, FastifyInstance> = {};
let nginx: Nginx;
let writer: pg.Client;

beforeAll(async () => {
  for (const name of ['a', 'b']) {
    const { app } = await startServer({ instance: name });
    instances[name] = app;
  }
  const upstreams = Object.values(instances).map((app) => {
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('instance not listening');
    return `127.0.0.1:${address.port}`;
  });
  nginx = await startNginx({ upstreams, bodyLimitBytes: 4 * 1024 * 1024 });
  writer = await writerClient();
});
afterAll(async () => {
  await writer.end();
  await nginx.stop();
  await Promise.all(Object.values(instances).map((app) => app.close()));
});

const api = () => `${nginx.origin}/api`;
const instanceOf = (response: Response) => response.headers.get('x-gridboard-instance');
const caseIdOf = (event: StreamEvent) =>
  (JSON.parse(event.data) as { properties: { id: string } }).properties.id;

/** A stream held open: the instance that serves it, every event so far, and a wait for one to come. */
interface OpenStream {
  instance: string | null;
  events: StreamEvent[];
  waitFor: (done: (events: StreamEvent[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => void;
}

async function openStream(base: string, lastEventId?: string): Promise<OpenStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await fetch(`${base}/cases/stream`, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered HTTP ${response.status}`);
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        const parsed = parseFrames(buffer + chunk.value);
        buffer = parsed.rest;
        events.push(...parsed.events);
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  const waitFor = (done: (seen: StreamEvent[]) => boolean, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done(events)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`stream: no such event within ${timeoutMs} ms (${events.length} seen)`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { instance: instanceOf(response), events, waitFor, close: () => controller.abort() };
}

/** Streams through nginx until one is served by each instance (round-robin gives them in turn). */
async function streamOnEachInstance(): Promise<OpenStream[]> {
  const byInstance = new Map<string, OpenStream>();
  for (let attempt = 0; attempt < 8 && byInstance.size < 2; attempt += 1) {
    const stream = await openStream(api());
    if (stream.instance && !byInstance.has(stream.instance)) byInstance.set(stream.instance, stream);
    else stream.close();
  }
  return [...byInstance.values()];
}

const has = (caseId: string) => (events: StreamEvent[]) => events.some((event) => caseIdOf(event) === caseId);

describe('two server instances behind nginx on one database', () => {
  it('shares requests between both instances, which answer alike', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const response = await fetch(`${api()}/meta`);
        expect(response.status).toBe(200);
        // Alike but for the time of the answer, which eight requests on a loaded machine may see change.
        const body = (await response.json()) as Record<string, unknown>;
        delete body.dataTime;
        return { instance: instanceOf(response), body: JSON.stringify(body) };
      }),
    );
    expect(new Set(answers.map((answer) => answer.instance))).toEqual(new Set(['a', 'b']));
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
  });

  it('streams a case inserted with SQL to a client on each instance, once, under one event id', async () => {
    const streams = await streamOnEachInstance();
    try {
      expect(streams.map((stream) => stream.instance).sort()).toEqual(['a', 'b']);
      const first = await insertCase(writer, '-nginx');
      await Promise.all(streams.map((stream) => stream.waitFor(has(first))));
      // A second case after it: once both have it too, any repeat of the first would have come before.
      const second = await insertCase(writer, '-nginx');
      await Promise.all(streams.map((stream) => stream.waitFor(has(second))));
      const [onA, onB] = streams.map((stream) =>
        stream.events.filter((event) => [first, second].includes(caseIdOf(event))),
      );
      expect(onA?.map(caseIdOf)).toEqual([first, second]);
      expect(onB?.map((event) => [caseIdOf(event), event.id])).toEqual(
        onA?.map((event) => [caseIdOf(event), event.id]),
      );
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('replays after Last-Event-ID on an instance started after the events: the replay is the database’s', async () => {
    const watching = await openStream(api());
    const missed = [await insertCase(writer, '-missed'), await insertCase(writer, '-missed')];
    await watching.waitFor((events) => missed.every((id) => has(id)(events)));
    watching.close();
    const seen = watching.events.filter((event) => missed.includes(caseIdOf(event)));
    const before = String(Number(seen[0]?.id) - 1);
    // A new instance: no stream has run on it, so it holds nothing in memory about these events.
    const { app, baseUrl } = await startServer({ instance: 'c' });
    let replay: OpenStream | undefined;
    try {
      replay = await openStream(baseUrl, before);
      await replay.waitFor((events) => missed.every((id) => has(id)(events)));
      expect(replay.instance).toBe('c');
      expect(replay.events.slice(0, 2).map((event) => [event.id, caseIdOf(event)])).toEqual(
        seen.map((event) => [event.id, caseIdOf(event)]),
      );
    } finally {
      replay?.close();
      await app.close();
    }
  });

  it('keeps serving through the other instance when one stops', async () => {
    await instances.a?.close();
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const response = await fetch(`${api()}/regions`);
        return `${response.status} ${instanceOf(response)}`;
      }),
    );
    expect(answers).toEqual(Array.from({ length: 6 }, () => '200 b'));
  });
});
