import { createClusterHandler, type ClusterRequest } from './cluster-protocol';

/** Camera clusters off the main thread: indexing 2.4 M cameras takes seconds (see cluster-protocol.ts). */
const handle = createClusterHandler();

self.addEventListener('message', (event: MessageEvent<ClusterRequest>) => {
  const { reply, transfer } = handle(event.data);
  self.postMessage(reply, { transfer });
});
