import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { loadMiniCity } from './api/fixtures/mini-city';
import { createMockApi, type MockApiOptions } from './api/handlers';
import { parseDemoCity, type DemoCity } from './demo-city';

/** The generated demo city on disk, resolved from this file so it works from any working directory. */
export const demoCityPath = fileURLToPath(new URL('../public/demo-city/jincheng.json', import.meta.url));

/** Node side of loading the demo city: read it from disk and parse it with the contract's schemas. */
export async function loadDemoCity(path: string = demoCityPath): Promise<DemoCity> {
  return parseDemoCity(JSON.parse(await readFile(path, 'utf8')));
}

/** The generated city when it has been generated, else the small hand-made one (for a fresh checkout). */
export async function loadDemoCityOrFixture(path: string = demoCityPath): Promise<DemoCity> {
  return existsSync(path) ? loadDemoCity(path) : loadMiniCity();
}

/** The mock API for Node (tests, scripts): msw's request interception, same handlers as the browser. */
export function createMockServer(options: MockApiOptions) {
  const { handlers, state } = createMockApi(options);
  return { server: setupServer(...handlers), state };
}
