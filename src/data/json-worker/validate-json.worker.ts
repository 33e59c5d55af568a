// First, before zod evaluates: under the production CSP a worker's zod must run jitless too.
import '../adapters/client/worker-zod-jitless';
import { validateJsonReply, type ValidateJsonRequest } from './validate-json.protocol';

/** Decodes, parses and validates a large JSON answer (a province's 70,000 grids) off the main thread. */
self.addEventListener('message', (event: MessageEvent<ValidateJsonRequest>) => {
  self.postMessage(validateJsonReply(event.data));
});
