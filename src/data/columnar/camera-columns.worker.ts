import { decodeCameraColumnsReply } from './camera-columns.protocol';

/** Decodes and checks a columnar camera buffer off the main thread (2.4 M cameras: tens of ms of linear checks). */
self.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
  const { reply, transfer } = decodeCameraColumnsReply(event.data);
  self.postMessage(reply, { transfer });
});
