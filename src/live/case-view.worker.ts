import { createCaseViewHandler, type CaseViewRequest } from './case-view.protocol';

/**
 * The cases tab's view over a large window (1 M cases: a quarter of a second a pass) off the main thread, over
 * its own copy of the columns.
 */
const handle = createCaseViewHandler();

self.addEventListener('message', (event: MessageEvent<CaseViewRequest>) => {
  const answer = handle(event.data);
  if (answer) self.postMessage(answer.reply, { transfer: answer.transfer });
});
