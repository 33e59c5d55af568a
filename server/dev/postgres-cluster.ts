import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the server tests and `npm run server:demo`: initdb in a temp dir, started with pg_ctl on a free port
 * of 127.0.0.1 (and a socket in the same dir), durability off (a test cluster is thrown away). initdb refuses
 * root, so as root the cluster belongs to the `postgres` user the Debian packages create.
 */
const binDir = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find((dir) =>
  existsSync(join(dir, 'initdb')),
);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** pg_ctl for the cluster in `dir` on `port` (as `postgres` when root): start, stop, and throw it away. */
export function clusterControl(dir: string, port: number) {
  if (!binDir) throw new Error('PostgreSQL 15 is missing: run bash scripts/ensure-server-deps.sh');
  const bin = binDir;
  const asRoot = process.getuid?.() === 0;
  const command = (name: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]] : [join(bin, name), args];
  const run = (name: string, args: string[]) => {
    const [file, argv] = command(name, args);
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  return {
    initdb: () =>
      run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']),
    start: () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      const [file, argv] = command('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      spawnSync(file, argv);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Cluster {
  port: number;
  dir: string;
  url: (database: string) => string;
  stop: () => void;
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'gridboard-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const control = clusterControl(dir, port);
  control.initdb();
  control.start();
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: control.destroy,
  };
}
