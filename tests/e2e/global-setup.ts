import { existsSync } from 'node:fs';
import { startPreviewServer } from './preview-server';
import type { TestProject } from 'vitest/node';

/**
 * Serves the production build (dist/) with `vite preview` on 127.0.0.1 for the browser journeys.
 * The build itself is made by `npm test` before this runs, so the journeys test what a deployment serves.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  // GRIDBOARD_DIST lets parallel work serve its own build folder instead of the shared dist/.
  const outDir = process.env.GRIDBOARD_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm test does)`);
  }
  const { baseUrl, stop } = await startPreviewServer(outDir);
  project.provide('baseUrl', baseUrl);
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
