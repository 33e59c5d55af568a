import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../tests/e2e/browser';

/**
 * One headless Chromium and one `vite preview` of the production build, shared by the browser benchmark modules
 * and closed by the harness at the end. The build folder is GRIDBOARD_DIST or dist/; it is built if missing.
 */
export interface BrowserSession {
  browser: Browser;
  baseUrl: string;
  outDir: string;
}

let session: Promise<BrowserSession> | null = null;
let preview: ChildProcess | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

async function start(log: (line: string) => void): Promise<BrowserSession> {
  const outDir = process.env.GRIDBOARD_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) {
    log(`no production build in ${outDir}/: building it (npm run build's steps)`);
    for (const args of [
      ['node_modules/tsx/dist/cli.mjs', 'scripts/generate-demo-city.ts'],
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir],
    ]) {
      const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
    }
  }
  const port = await freePort();
  preview = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/config.json`);
  const browser = await chromium.launch(chromiumLaunchOptions);
  return { browser, baseUrl, outDir };
}

export function browserSession(log: (line: string) => void): Promise<BrowserSession> {
  session ??= start(log);
  return session;
}

export async function closeBrowserSession(): Promise<void> {
  if (session) await (await session).browser.close();
  preview?.kill('SIGTERM');
  session = null;
  preview = null;
}
