import { z } from 'zod';

/**
 * Zod compiles fast parsers with `new Function` when the page allows eval. The production policy does not
 * (script-src 'self'), and the probe itself is reported as a violation, so parse without it.
 * The production build sets the switch even earlier, in public/zod-jitless.js (schemas built in shared chunks
 * run before this module); this call covers the dev server and any entry that loads without index.html.
 */
z.config({ jitless: true });
