import { decodeCaseColumnsReply } from './case-columns.protocol';

/** Decodes and checks a columnar case buffer off the main thread (1 M cases: tens of ms of linear checks). */
self.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
  const { reply, transfer } = decodeCaseColumnsReply(event.data);
  self.postMessage(reply, { transfer });
});
