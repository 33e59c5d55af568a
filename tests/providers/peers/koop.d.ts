/** The parts of Koop's CommonJS API the ArcGIS peer uses (Koop ships no type declarations). */
declare module '@koopjs/koop-core' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export default class Koop {
    constructor(options?: { logLevel?: string; skipListen?: boolean });
    server: (request: IncomingMessage, response: ServerResponse) => void;
    register(plugin: unknown, options?: Record<string, unknown>): void;
  }
}
declare module '@koopjs/provider-file-geojson' {
  const provider: unknown;
  export default provider;
}
