import type { z } from 'zod';
import type { LayerKind } from '../../domain/runtime-config';
import { DataError } from '../data-error';

/**
 * A source's `options` read with its adapter's schema: the parsed options, or a configuration DataError naming
 * the layer and the first offending option (`sources.cameras.options.collection: Required`).
 */
export function readAdapterOptions<T>(
  schema: z.ZodType<T>,
  layer: LayerKind,
  options: Record<string, unknown> | undefined,
): T {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DataError(
    layer,
    'config',
    `sources.${layer}.options.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
  );
}
