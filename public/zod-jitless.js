// Zod probes `new Function` the first time it builds an object schema, and under the production
// Content-Security-Policy (script-src 'self') the probe is reported as a violation. Schemas are built at module
// load, in shared chunks that run before any of the app's own code, so the switch must be set before the first
// module script: this classic script runs during parsing, ahead of every deferred module.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
