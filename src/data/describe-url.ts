/** The URL as it may appear in a message: path only, never a query string that could carry a token. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url, 'http://localhost');
    return parsed.pathname;
  } catch {
    return '(invalid URL)';
  }
}
