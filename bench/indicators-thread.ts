import { parentPort } from 'node:worker_threads';
import {
  createIndicatorsHandler,
  type IndicatorsRequest,
} from '../src/data/adapters/client/indicators-protocol';

/** The indicators worker's handler on a Node worker thread: the bench's stand-in for the browser's Web Worker. */
const handle = createIndicatorsHandler();

parentPort?.on('message', (request: IndicatorsRequest) => {
  const { message, transfer } = handle(request);
  parentPort?.postMessage(message, transfer as never[]);
});
