import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../tests/e2e/browser';
import { startPreviewServer, type PreviewServer } from '../../tests/e2e/preview-server';

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
let preview: PreviewServer | null = null;

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
  preview = await startPreviewServer(outDir);
  const browser = await launch(log);
  return { browser, baseUrl: preview.baseUrl, outDir };
}

/** Chromium, saying so when it goes away on its own (a crash, the OOM killer): later steps then fail on a closed browser. */
async function launch(log: (line: string) => void): Promise<Browser> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  browser.on('disconnected', () => {
    if (!closedHere.has(browser))
      log('Chromium exited on its own (crashed or killed): the runs after this one cannot open a page');
  });
  return browser;
}

/** The browsers this harness closed itself (their 'disconnected' is expected). */
const closedHere = new WeakSet<Browser>();

async function closeBrowser(browser: Browser): Promise<void> {
  closedHere.add(browser);
  await browser.close();
}

/**
 * The session's Chromium closed and a new one launched, for a module's largest runs: everything the earlier runs
 * left in the browser and GPU processes (SwiftShader's caches, workers' heaps not yet returned) is given back first.
 */
export async function freshBrowser(log: (line: string) => void): Promise<Browser> {
  const current = await browserSession(log);
  await closeBrowser(current.browser);
  current.browser = await launch(log);
  return current.browser;
}

export function browserSession(log: (line: string) => void): Promise<BrowserSession> {
  session ??= start(log);
  return session;
}

export async function closeBrowserSession(): Promise<void> {
  if (session) await closeBrowser((await session).browser);
  preview?.stop();
  session = null;
  preview = null;
}
