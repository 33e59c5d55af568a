import type { TFunction } from 'i18next';

/**
 * A layer's failure in the UI language. The shape is the data layer's DataError, read structurally because ui
 * sits below data: kind and status say what happened, `detail` what exactly was wrong with the body. Anything
 * else (an Error from elsewhere) shows its own message.
 */
export interface FailureLike {
  kind?: string;
  status?: number;
  retryAfterSeconds?: number;
  reason?: string;
  message?: string;
  /** What the server itself said in its error answer: trimmed, shortened, plain text. */
  serverMessage?: string;
  detail?:
    | { code: 'empty' | 'html' | 'malformed-json' }
    | { code: 'content-type'; contentType: string }
    | { code: 'foreign-next'; nextHost: string; sourceHost: string }
    | { code: 'invalid-data'; problem: string; featureNumber?: number; featureId?: string; field: string }
    | { code: 'mostly-invalid'; invalid: number; total: number; problem: string; field: string };
}

export function failureText(t: TFunction<'common'>, failure: FailureLike): string {
  const key = 'alert.reason';
  const { detail } = failure;
  if (detail?.code === 'empty') return t(`${key}.empty`);
  if (detail?.code === 'html') return t(`${key}.html`);
  if (detail?.code === 'malformed-json') return t(`${key}.malformedJson`);
  if (detail?.code === 'content-type') return t(`${key}.contentType`, { type: detail.contentType });
  if (detail?.code === 'foreign-next')
    return t(`${key}.foreignNext`, { next: detail.nextHost, source: detail.sourceHost });
  if (detail?.code === 'invalid-data') {
    const where =
      detail.featureNumber === undefined
        ? t(`${key}.where.document`)
        : detail.featureId === undefined
          ? t(`${key}.where.feature`, { number: detail.featureNumber })
          : t(`${key}.where.featureWithId`, { number: detail.featureNumber, id: detail.featureId });
    return t(`${key}.problem.${detail.problem}`, {
      where,
      field: detail.field,
      defaultValue: t(`${key}.problem.other`, { where, field: detail.field }),
    });
  }
  if (detail?.code === 'mostly-invalid') {
    const example = t(`${key}.problem.${detail.problem}`, {
      where: t(`${key}.where.first`),
      field: detail.field,
      defaultValue: t(`${key}.problem.other`, { where: t(`${key}.where.first`), field: detail.field }),
    });
    return t(`${key}.mostlyInvalid`, { invalid: detail.invalid, total: detail.total, example });
  }
  switch (failure.kind) {
    case 'network':
    case 'timeout':
    case 'config':
      return t(`${key}.${failure.kind}`);
    case 'schema':
      return t(`${key}.invalid`);
    case 'http':
      return httpText(t, failure.status, failure.retryAfterSeconds);
    default:
      return failure.reason ?? failure.message ?? '';
  }
}

function httpText(t: TFunction<'common'>, status: number | undefined, retryAfterSeconds: number | undefined) {
  const key = 'alert.reason';
  if (status === 401 || status === 403 || status === 404 || status === 503) return t(`${key}.http${status}`);
  if (status === 429) return t(`${key}.http429`, { seconds: Math.ceil(retryAfterSeconds ?? 60) });
  if (status !== undefined && status >= 500) return t(`${key}.http5xx`, { status });
  return t(`${key}.http`, { status: status ?? '?' });
}
