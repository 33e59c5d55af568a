import './worker-zod-jitless';
import { createIndicatorsHandler, type IndicatorsRequest } from './indicators-protocol';

/**
 * Client-side indicators off the main thread: joining a year of cases to the grids and rolling them up takes
 * long enough to freeze the dashboard while a leader drills down.
 */
const handle = createIndicatorsHandler();

self.addEventListener('message', (event: MessageEvent<IndicatorsRequest>) => {
  const { message, transfer } = handle(event.data);
  self.postMessage(message, { transfer });
});
