import { parentPort } from 'node:worker_threads';
import { createCaseViewHandler, type CaseViewRequest } from '../src/live/case-view.protocol';

/** The cases view worker's handler on a Node worker thread: the bench's stand-in for the browser's Web Worker. */
const handle = createCaseViewHandler();

parentPort?.on('message', (request: CaseViewRequest) => {
  const answer = handle(request);
  if (answer) parentPort?.postMessage(answer.reply, answer.transfer);
});
