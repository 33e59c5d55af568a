/**
 * The window a page asked its figures for: its latest `/indicators` request for the region (the KPI cards also ask
 * for the period before, for their change, which ends earlier). Empty strings before any request was made.
 */
export function askedWindow(requests: readonly string[], region: string): { from: string; to: string } {
  const asked = requests
    .map((url) => new URL(url))
    .filter((url) => url.pathname.endsWith('/indicators') && url.searchParams.get('region') === region)
    .sort((a, b) => Date.parse(a.searchParams.get('to') ?? '') - Date.parse(b.searchParams.get('to') ?? ''))
    .at(-1);
  return { from: asked?.searchParams.get('from') ?? '', to: asked?.searchParams.get('to') ?? '' };
}
