import type { FastifyInstance } from 'fastify';
import os from 'node:os';
import type pg from 'pg';
import type { BenchInfo } from '../bench-module';
import { connections, hammer, waitForIdle } from './hammer';

/** One endpoint measured for a bounded time, under one access (its headers). */
export interface Target {
  id: string;
  label: string;
  path: string;
  headers: Record<string, string>;
  seconds: number;
}

/** Requests of the in-process server not yet answered (counted from arrival to the answer's send). */
export function countInFlight(app: FastifyInstance): () => number {
  let inFlight = 0;
  const open = new WeakSet<object>();
  app.addHook('onRequest', (request, _reply, done) => {
    open.add(request);
    inFlight += 1;
    done();
  });
  // onSend runs for every answer, also one whose client has gone (its handler still ran to the end).
  app.addHook('onSend', async (request, _reply, payload) => {
    if (open.delete(request)) inFlight -= 1;
    return payload;
  });
  return () => inFlight;
}

/**
 * Each target in turn, after the server and PostgreSQL went idle from the one before (its tail would land in the
 * next one's figures otherwise); the 1-minute load average of the machine is noted before each.
 */
export async function measureTargets(
  targets: readonly Target[],
  base: string,
  db: pg.Client,
  inFlight: () => number,
  note: readonly string[],
  log: (line: string) => void,
): Promise<BenchInfo[]> {
  const info: BenchInfo[] = [];
  for (const target of targets) {
    const idleAfter = await waitForIdle(db, inFlight);
    const load = os.loadavg()[0] ?? 0;
    const figures = await hammer(`${base}${target.path}`, target.headers, target.seconds);
    const notes = [
      ...note,
      `${connections} connections, ${target.seconds} s, load average ${load.toFixed(2)} before, idle after ${idleAfter.toFixed(1)} s of waiting`,
    ];
    log(
      `${target.label}: p50 ${figures.p50} ms, p95 ${figures.p95} ms, ${figures.requestsPerSecond.toFixed(1)} req/s, non-2xx ${figures.non2xx} (5xx ${figures.serverErrors}), load ${load.toFixed(2)}`,
    );
    const figure = (suffix: string, label: string, value: number, unit: string): BenchInfo => ({
      id: `server-${target.id}-${suffix}`,
      label: `${target.label}: ${label}`,
      value,
      unit,
      notes,
    });
    info.push(
      figure('p50', 'p50', figures.p50, 'ms'),
      figure('p95', 'p95', figures.p95, 'ms'),
      figure('non2xx', 'answers not 2xx', figures.non2xx, 'answers'),
      figure('rps', 'throughput', figures.requestsPerSecond, 'req/s'),
      figure('load', 'load average before', load, ''),
    );
  }
  await waitForIdle(db, inFlight);
  return info;
}
