import { z } from 'zod';

/**
 * Zod compiles fast parsers with `new Function` when the page allows eval. The production policy does not
 * (script-src 'self'), and the probe itself is reported as a violation, so parse without it from the start.
 */
z.config({ jitless: true });
