import { z } from 'zod';
import {
  camerasSchema,
  gridsSchema,
  metaSchema,
  regionsSchema,
  stationsSchema,
} from '../src/contract/schemas/contract.schema';

/**
 * The demo city file written by the geography generator (public/demo-city/jincheng.json). It is parsed with the
 * contract's own schemas, so the mock API can only ever serve geography the client would accept.
 */
export const demoCitySchema = z.object({
  generator: z.object({
    seed: z.union([z.number(), z.string()]),
    version: z.union([z.number(), z.string()]),
  }),
  meta: metaSchema,
  regions: regionsSchema,
  grids: gridsSchema,
  cameras: camerasSchema,
  stations: stationsSchema,
});
export type DemoCity = z.infer<typeof demoCitySchema>;

/** Same-origin path of the demo city in the browser (Vite serves public/ at the root). */
export const demoCityUrl = '/demo-city/jincheng.json';

export function parseDemoCity(json: unknown): DemoCity {
  const result = demoCitySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `demo city is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return result.data;
}

/**
 * Browser side: fetch the demo city from the same origin. The worker is started with onUnhandledRequest
 * 'bypass' and no handler matches this path, so the request reaches the static file. Node code reads the file
 * from disk instead (mocks/node.ts), which keeps node:fs out of the browser bundle.
 */
export async function loadDemoCity(
  url: string = demoCityUrl,
  fetchImpl: typeof fetch = fetch,
): Promise<DemoCity> {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`demo city ${url}: HTTP ${response.status}`);
  return parseDemoCity(await response.json());
}
