import type { FastifyInstance } from 'fastify';
import { BadParameter } from '../../../src/contract/query-params';
import { searchParams, type ServerContext } from '../app';
import { accessOf, inScopeOf } from '../auth/plugin';
import { visibleEvents } from '../auth/visible-events';
import type { CaseEvent } from '../case-events';

const heartbeatMs = 15_000;

function readLastEventId(header: string | string[] | undefined, query: string | null): number | undefined {
  const text = (Array.isArray(header) ? header[0] : header) ?? query ?? undefined;
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,15}$/.test(text))
    throw new BadParameter('bad_parameter', `Last-Event-ID "${text.slice(0, 40)}" is not an event number`);
  return Number(text);
}

/**
 * GET /cases/stream (Server-Sent Events): `retry`, then every case event after Last-Event-ID (replayed from
 * case_events), then the live ones: nothing lost, nothing twice, whichever instance the writer used.
 */
export function streamRoutes(api: FastifyInstance, { events, ownerPool }: ServerContext): void {
  api.get('/cases/stream', async (request, reply) => {
    const lastEventId = readLastEventId(
      request.headers['last-event-id'],
      searchParams(request.url).get('lastEventId'),
    );
    let sent = lastEventId ?? Number.NaN;
    let replaying = true;
    const held: CaseEvent[] = [];
    const raw = reply.raw;
    const inScope = inScopeOf(ownerPool, request);
    // Events pass the user's scope one batch after another, so they leave in order.
    let delivering = Promise.resolve();
    const deliver = (batch: readonly CaseEvent[]) => {
      delivering = delivering
        .then(() => visibleEvents(inScope, batch))
        .then((visible) => visible.forEach(write))
        .catch(() => {
          raw.end();
        });
      return delivering;
    };
    const write = (event: CaseEvent) => {
      if (event.id <= sent) return;
      sent = event.id;
      raw.write(`id: ${event.id}\nevent: case\ndata: ${event.data}\n\n`);
    };
    const unsubscribe = await events.subscribe((event) => {
      if (replaying) held.push(event);
      else void deliver([event]);
    });
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
    // A stream lives no longer than the token that opened it: the client reconnects with its renewed token (and
    // Last-Event-ID, so nothing is lost), and a user whose session was not renewed stops receiving cases.
    const { expiresAt } = accessOf(request);
    const expiry =
      expiresAt === undefined ? undefined : setTimeout(() => raw.end(), Math.max(0, expiresAt - Date.now()));
    raw.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
    });
    try {
      if (lastEventId === undefined) sent = await events.latestId();
      else await deliver(await events.since(lastEventId));
    } catch {
      raw.end();
      return;
    }
    replaying = false;
    void deliver(held.splice(0));
  });
}
