import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres-cluster';

/** Debian's nginx (scripts/ensure-server-deps.sh installs it). */
const nginxBinary = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface NginxOptions {
  /** `host:port` of every server instance: one upstream, requests shared round-robin. */
  upstreams: string[];
  /** Where the contract is served, on nginx and on the instances alike (`api.baseUrl`). */
  basePath?: string;
  /** The production build to serve beside the API (client-side routes fall back to index.html). */
  root?: string;
  /** The dashboard's config.json for this deployment, served from nginx's own folder instead of the build's. */
  config?: unknown;
  /** The Content-Security-Policy sent with the build's pages. */
  policy?: string;
  /** Largest request body, in bytes: at least the server's own limit, so the server answers 413 itself. */
  bodyLimitBytes?: number;
  /** A port chosen beforehand (freePort), when others must know the origin before nginx starts. */
  port?: number;
}

export interface Nginx {
  origin: string;
  dir: string;
  stop: () => Promise<void>;
}

/**
 * The nginx of docs/deployment.md, as a configuration (one server block): the build served statically, the
 * contract proxied to an upstream of instances with keep-alive, buffering off so the case stream flows through.
 */
export function nginxConfig(options: NginxOptions & { port: number; dir: string; user?: string }): string {
  const basePath = options.basePath ?? '/api';
  const upstream = options.upstreams.map((address) => `    server ${address};`).join('\n');
  const policy = options.policy
    ? `      add_header Content-Security-Policy "${options.policy}" always;\n`
    : '';
  const site = options.root
    ? `    location / {
      root ${options.root};
      try_files $uri /index.html;
${policy}    }
`
    : '';
  const config =
    options.config === undefined
      ? ''
      : `    location = /config.json {
      root ${options.dir};
      add_header Cache-Control "no-cache" always;
    }
`;
  return `${options.user ? `user ${options.user};\n` : ''}daemon off;
worker_processes 1;
pid ${options.dir}/nginx.pid;
error_log ${options.dir}/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  # Debian's mime.types (nginx 1.22) lacks .mjs: without this the MapLibre worker, a module, is refused.
  types { application/javascript mjs; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${options.dir}/temp/body;
  proxy_temp_path ${options.dir}/temp/proxy;
  fastcgi_temp_path ${options.dir}/temp/fastcgi;
  uwsgi_temp_path ${options.dir}/temp/uwsgi;
  scgi_temp_path ${options.dir}/temp/scgi;
  upstream gridboard {
${upstream}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${options.port};
    client_max_body_size ${options.bodyLimitBytes ?? 8 * 1024 * 1024};
    location ${basePath}/ {
      proxy_pass http://gridboard;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # The case stream: every event passed on as it comes, and an idle stream (heartbeat every 15 s) kept.
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
${config}${site}  }
}
`;
}

async function waitForPort(port: number, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure) throw new Error(failure);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/**
 * nginx in front of server instances on a free port of 127.0.0.1, from a configuration in a temp dir (no root
 * needed; as root its worker runs as `nobody`, which can read the temp dir and the build). Stopped by its pid.
 */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  if (!existsSync(nginxBinary)) throw new Error('nginx is missing: run bash scripts/ensure-server-deps.sh');
  const dir = mkdtempSync(join(tmpdir(), 'gridboard-nginx-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'temp'), { mode: 0o777 });
  chmodSync(join(dir, 'temp'), 0o777);
  if (options.config !== undefined) writeFileSync(join(dir, 'config.json'), JSON.stringify(options.config));
  const port = options.port ?? (await freePort());
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    join(dir, 'nginx.conf'),
    nginxConfig({ ...options, port, dir, user: asRoot ? 'nobody nogroup' : undefined }),
  );
  const child = spawn(nginxBinary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exit: string | null = null;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = `nginx exited (${code ?? signal}): ${stderr.trim()}`;
      resolve();
    }),
  );
  const stop = async () => {
    if (exit === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, 10_000, () => exit);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, dir, stop };
}
