import { HttpResponse } from 'msw';
import type { z } from 'zod';
import type { MockState } from './mock-state';

/** Error bodies of the contract: a stable code for programs, a sentence for people. */
export interface ApiError {
  error: string;
  message: string;
}

export const badRequest = (error: string, message: string) =>
  HttpResponse.json<ApiError>({ error, message }, { status: 400 });

/**
 * Send `body` only if it parses with the schema the client will use. A failure is the mock's own bug, so it is
 * a 500 that names the schema and the first issue, instead of data that breaks the client somewhere else.
 */
export function respondValid(
  state: MockState,
  schemaName: string,
  schema: z.ZodType,
  body: unknown,
  init: { status?: number } = {},
) {
  if (state.validateResponses) {
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.join('.') || '(root)';
      return HttpResponse.json<ApiError>(
        { error: 'invalid_response', message: `${schemaName}: ${where}: ${issue?.message ?? 'invalid'}` },
        { status: 500 },
      );
    }
  }
  return HttpResponse.json(body as Record<string, unknown>, init);
}
