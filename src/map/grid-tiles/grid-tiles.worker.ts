import { createGridTileHandler, type GridTileRequest } from './grid-tiles-protocol';

/** Cuts the grids into vector tiles off the main thread (see grid-tiles-protocol.ts). */
const handle = createGridTileHandler();

self.addEventListener('message', (event: MessageEvent<GridTileRequest>) => {
  const { reply, transfer } = handle(event.data);
  if (reply) self.postMessage(reply, { transfer });
});
