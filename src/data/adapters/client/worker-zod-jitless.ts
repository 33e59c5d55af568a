/**
 * Zod's jitless switch for the indicators worker, which validates its answer with the contract's schemas: zod
 * probes `new Function` on first use, and under the production policy (script-src 'self') a worker's probe is
 * reported as a violation just as the page's is (public/zod-jitless.js). Imported first, before zod evaluates.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });

export {};
