import { useEffect, useState, type RefObject } from 'react';

/** Time given to the browser to restore a lost context before the map is rebuilt anyway. */
const rebuildAfterMs = 1500;

/**
 * Rebuild the map after any of its WebGL contexts is lost (a GPU driver reset, the browser reclaiming contexts).
 * MapLibre can restore its own context, but deck.gl's overlay has a second one and a half-restored map is worse
 * than a fresh one: the map is remounted from the query cache, without a page reload and without refetching.
 * Returns a generation number to key the map with.
 */
export function useContextLossRecovery(host: RefObject<HTMLElement | null>): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let timer: number | undefined;
    const onLost = (event: Event) => {
      // A map being torn down releases its contexts on purpose, from canvases already out of the page.
      if (!(event.target instanceof HTMLCanvasElement) || !event.target.isConnected) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setGeneration((value) => value + 1), rebuildAfterMs);
    };
    // Context events do not bubble; the capture phase still passes through the host.
    element.addEventListener('webglcontextlost', onLost, true);
    return () => {
      window.clearTimeout(timer);
      element.removeEventListener('webglcontextlost', onLost, true);
    };
  }, [host]);
  return generation;
}
