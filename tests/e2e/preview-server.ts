import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A running `vite preview` of a production build on 127.0.0.1, and how to stop it. */
export interface PreviewServer {
  baseUrl: string;
  stop: () => void;
}

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

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Serves `outDir` with `vite preview` on a free port of 127.0.0.1 and resolves once it answers; shared by the
 * browser journeys (global-setup.ts) and the browser benchmarks (bench/browser/session.ts).
 */
export async function startPreviewServer(outDir: string, timeoutMs = 30_000): Promise<PreviewServer> {
  const port = await freePort();
  // Start vite by its own binary so that killing this PID stops the server (an npx wrapper would survive).
  const preview = spawn(
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
  try {
    await waitForServer(`${baseUrl}/config.json`, timeoutMs);
  } catch (error) {
    preview.kill('SIGTERM');
    throw error;
  }
  return { baseUrl, stop: () => preview.kill('SIGTERM') };
}
