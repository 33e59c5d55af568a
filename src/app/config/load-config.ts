import { runtimeConfigSchema, type RuntimeConfig } from '../../domain/runtime-config';

/**
 * The runtime configuration is fetched before the app renders: ?config=<url> names another file so one build
 * serves several displays. Failures are returned as data, each naming the field, so the start-up page can say
 * exactly what to fix instead of leaving a blank page.
 */
export type ConfigProblem =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'field'; field: string; message: string };

export type ConfigResult =
  { ok: true; url: string; config: RuntimeConfig } | { ok: false; url: string; problems: ConfigProblem[] };

export const defaultConfigUrl = 'config.json';

/** The config file's URL, resolved against the page; only same-origin or relative paths are honoured. */
export function configUrlOf(location: Pick<Location, 'href' | 'search' | 'origin'>): string {
  const requested = new URLSearchParams(location.search).get('config')?.trim();
  const base = new URL(import.meta.env.BASE_URL, location.origin);
  const url = new URL(requested || defaultConfigUrl, requested ? location.href : base);
  // A link must not make a wall display load another site's configuration (and send it our headers).
  if (url.origin !== location.origin) return new URL(defaultConfigUrl, base).href;
  return url.href;
}

export function validateConfig(url: string, body: unknown): ConfigResult {
  const parsed = runtimeConfigSchema.safeParse(body);
  if (parsed.success) return { ok: true, url, config: parsed.data };
  return {
    ok: false,
    url,
    problems: parsed.error.issues.map((issue) => ({
      kind: 'field',
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
      message: issue.message,
    })),
  };
}

export async function loadRuntimeConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<ConfigResult> {
  let text: string;
  try {
    const response = await fetchImpl(url, { cache: 'no-cache', headers: { Accept: 'application/json' } });
    if (!response.ok)
      return { ok: false, url, problems: [{ kind: 'unreadable', reason: `HTTP ${response.status}` }] };
    text = await response.text();
  } catch (error) {
    return { ok: false, url, problems: [{ kind: 'unreadable', reason: String(error) }] };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, url, problems: [{ kind: 'malformed', reason }] };
  }
  return validateConfig(url, body);
}
