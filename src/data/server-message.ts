/**
 * What a server said in its error answer (4xx/5xx), for the alert: the message of a JSON body (`message`,
 * `description`, `detail`, `error`, `title`, an Open311 error array, an OGC API exception), the text of an XML
 * exception report (OWS ExceptionText, WMS ServiceException), or the plain text itself. Tags are dropped,
 * whitespace collapsed, the result cut at `maxLength`; it is shown as text, never as markup. Configured
 * credentials are blanked out in case a server echoes a request header back.
 */
export const maxServerMessageLength = 300;

const messageKeys = ['message', 'description', 'detail', 'error_description', 'error', 'title'] as const;

function messageOfJson(body: unknown, depth = 0): string | undefined {
  if (depth > 3 || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (Array.isArray(body)) {
    const parts = body.map((item) => messageOfJson(item, depth + 1)).filter((part) => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of messageKeys) {
    const found = messageOfJson(record[key], depth + 1);
    if (found !== undefined && found.trim() !== '') return found;
  }
  return undefined;
}

const xmlExceptionPattern =
  /<(?:[\w-]+:)?(?:ExceptionText|ServiceException)\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?(?:ExceptionText|ServiceException)>/gi;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '');

function messageOfMarkup(text: string): string {
  const exceptions = [...text.matchAll(xmlExceptionPattern)].map((match) => match[1] ?? '');
  const source = exceptions.length > 0 ? exceptions.join('; ') : text;
  return decodeEntities(
    source
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

export function serverMessageOf(
  text: string,
  contentType: string | null,
  secrets: readonly string[] = [],
): string | undefined {
  const body = text.trim();
  if (body === '') return undefined;
  let message: string | undefined;
  if (/json/i.test(contentType ?? '') || /^[[{]/.test(body)) {
    try {
      message = messageOfJson(JSON.parse(body));
    } catch {
      message = undefined;
    }
  }
  message ??= /^</.test(body) || /xml|html/i.test(contentType ?? '') ? messageOfMarkup(body) : body;
  let clean = message.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('…');
  if (clean === '') return undefined;
  return clean.length > maxServerMessageLength ? `${clean.slice(0, maxServerMessageLength - 1)}…` : clean;
}
