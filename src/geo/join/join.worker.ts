import { createJoinHandler, type JoinRequest } from './join-protocol';

/**
 * The spatial join off the main thread: building a province's index and joining a million points take long enough
 * to drop frames.
 */
const handle = createJoinHandler();

self.addEventListener('message', (event: MessageEvent<JoinRequest>) => {
  const { message, transfer } = handle(event.data);
  self.postMessage(message, { transfer });
});
