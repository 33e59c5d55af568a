import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the server tests: initdb in a temp dir, started with pg_ctl on a free port
 * of 127.0.0.1 (and a socket in the same dir), durability off (a test cluster is thrown away). initdb refuses
 * root, so as root the cluster belongs to the `postgres` user the Debian packages create.
 */
const binDir = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find((dir) =>
  existsSync(join(dir, 'initdb')),
);

export interface Cluster {
  port: number;
  dir: string;
  url: (database: string) => string;
  stop: () => void;
  /** Stop and start again on the same port (the database going away and coming back). */
  restart: (whileDown?: () => Promise<void>) => Promise<void>;
  stopServer: () => void;
  startServer: () => void;
}

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

export async function startCluster(): Promise<Cluster> {
  if (!binDir) throw new Error('PostgreSQL 15 is missing: run bash scripts/ensure-server-deps.sh');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'gridboard-pg-'));
  chmodSync(dir, 0o777);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(binDir, command), ...args]]
      : [join(binDir, command), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const startServer = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stopServer = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  startServer();
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    startServer,
    stopServer,
    restart: async (whileDown) => {
      stopServer();
      await whileDown?.();
      startServer();
    },
    stop: () => {
      spawnSync(
        asRoot ? 'runuser' : join(binDir, 'pg_ctl'),
        asRoot
          ? ['-u', 'postgres', '--', join(binDir, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']
          : ['-D', data, '-m', 'immediate', 'stop'],
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
