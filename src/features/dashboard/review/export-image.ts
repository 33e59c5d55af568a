/**
 * The current view (map with its panels) as a PNG the leader can paste into a report. html-to-image redraws the
 * DOM, and the map's WebGL canvases are copied as images (the map keeps its drawing buffer for this). The library
 * loads on first use: most sessions never export.
 */
export async function exportViewImage(element: HTMLElement, fileName: string): Promise<void> {
  const { toBlob } = await import('html-to-image');
  const blob = await toBlob(element, { pixelRatio: 1, backgroundColor: '#ffffff', cacheBust: false });
  if (!blob) throw new Error('the view could not be drawn into an image');
  downloadImage(blob, fileName);
}

/** Hands an image to the browser as a download named `fileName`. */
export function downloadImage(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the browser a moment to start the download before the URL is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
