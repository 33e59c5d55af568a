import { maplibregl } from '../maplibre';
import type { GridTileFeature, GridTileReply, GridTileRequest } from './grid-tiles-protocol';

/** The part of `Worker` the source uses; tests supply one that calls the handler in-process. */
export interface GridTileWorkerPort {
  postMessage(message: GridTileRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<GridTileReply>) => void): void;
  terminate(): void;
}

/** Features per message: a chunk's structured clone stays a short task (~10 ms here) instead of one long one. */
export const gridTileChunkSize = 2_000;

let nextScheme = 1;

/**
 * The main-thread side of the grid tiles: feeds the worker in chunks, yielding between them, and answers
 * MapLibre's tile requests on a protocol of its own (`tileUrl()` for the source's `tiles`).
 */
export class GridTileSource {
  private generation = 0;
  private builtGeneration = -1;
  private nextRequestId = 1;
  private readonly pendingTiles = new Map<number, (data: ArrayBuffer) => void>();
  private readonly pendingBuilds = new Map<number, () => void>();
  private readonly scheme = `gridboard-grids-${nextScheme++}`;

  constructor(private readonly port: GridTileWorkerPort) {
    port.addEventListener('message', (event) => this.onReply(event.data));
    maplibregl.addProtocol(this.scheme, async (parameters) => {
      const match = /\/\/(\d+)\/(\d+)\/(\d+)\/g(\d+)$/.exec(parameters.url);
      if (!match) return { data: new ArrayBuffer(0) };
      const [z, x, y, generation] = match.slice(1).map(Number) as [number, number, number, number];
      return { data: await this.tile(z, x, y, generation) };
    });
  }

  static inWorker(): GridTileSource {
    return new GridTileSource(
      new Worker(new URL('./grid-tiles.worker.ts', import.meta.url), { type: 'module' }),
    );
  }

  /** Hand the worker a new set of grids; resolves with the tile URL once they are cut, or null if superseded. */
  async load(features: readonly GridTileFeature[]): Promise<string | null> {
    const generation = ++this.generation;
    for (let start = 0; start < features.length; start += gridTileChunkSize) {
      if (generation !== this.generation) return null;
      const chunk = features.slice(start, start + gridTileChunkSize);
      this.port.postMessage({ kind: 'chunk', generation, features: chunk });
      // Let frames and input through between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (features.length === 0) this.port.postMessage({ kind: 'chunk', generation, features: [] });
    if (generation !== this.generation) return null;
    const built = new Promise<void>((resolve) => this.pendingBuilds.set(generation, resolve));
    this.port.postMessage({ kind: 'build', generation });
    await built;
    if (generation !== this.generation) return null;
    this.builtGeneration = generation;
    return this.tileUrl();
  }

  tileUrl(): string {
    return `${this.scheme}://{z}/{x}/{y}/g${this.builtGeneration}`;
  }

  destroy(): void {
    maplibregl.removeProtocol(this.scheme);
    this.port.terminate();
    for (const settle of this.pendingTiles.values()) settle(new ArrayBuffer(0));
    this.pendingTiles.clear();
  }

  private tile(z: number, x: number, y: number, generation: number): Promise<ArrayBuffer> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingTiles.set(requestId, resolve);
      this.port.postMessage({ kind: 'tile', requestId, generation, z, x, y });
    });
  }

  private onReply(reply: GridTileReply): void {
    if (reply.kind === 'built') {
      this.pendingBuilds.get(reply.generation)?.();
      this.pendingBuilds.delete(reply.generation);
      return;
    }
    this.pendingTiles.get(reply.requestId)?.(reply.data);
    this.pendingTiles.delete(reply.requestId);
  }
}
