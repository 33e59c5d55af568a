import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isDataError, type DataErrorKind } from '../../data/data-error';
import { useTranslation } from 'react-i18next';
import { resolveSource } from '../../data/data-source';
import { useDataSource } from '../../data/data-source-context';
import type { PlanDraft } from '../../data/drafts/draft';
import type { SaveGridsReason } from '../../data/rest/save-grids';
import { createPlan, type Plan } from '../../geo/plan/plan';
import { useRuntimeConfig } from '../../ui/runtime-config-context';
import { serverChanges, type ServerChange } from './server-changes';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; currentVersion: number; serverPlan: Plan; changes: ServerChange[] }
  | { kind: 'invalid'; reasons: SaveGridsReason[] }
  | { kind: 'failed'; reason: DataErrorKind | 'unknown'; status?: number; message: string };

/**
 * Saving a draft: `PUT` with its base version. A conflict fetches what is on the server now so the planner can
 * see what changed and rebase or keep a copy; a refusal keeps the server's reasons for the map.
 */
export function useSavePlan(onSaved: (version: number) => Promise<void>) {
  const config = useRuntimeConfig();
  const { t } = useTranslation('planner');
  const source = useDataSource();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  async function save(draft: PlanDraft): Promise<void> {
    setState({ kind: 'saving' });
    try {
      const result = await (source.saveGrids?.({
        communityId: draft.communityId,
        baseVersion: draft.baseVersion,
        grids: { type: 'FeatureCollection', features: [...draft.plan.grids] },
      }) ??
        Promise.resolve({ kind: 'unsupported', provider: resolveSource(config, 'grids').provider } as const));
      // Only a provider that owns the grids takes them back (docs/providers.md): say so rather than send a PUT
      // that an OGC server or a file host answers with 404 or 405.
      if (result.kind === 'unsupported') {
        setState({
          kind: 'failed',
          reason: 'unknown',
          message: t('save.notSupported', { provider: result.provider }),
        });
      } else if (result.kind === 'saved') {
        await onSaved(result.version);
        await queryClient.invalidateQueries({ queryKey: ['grids'] });
        setState(result);
      } else if (result.kind === 'invalid') {
        setState(result);
      } else {
        const server = await source.grids({ community: draft.communityId });
        const serverPlan = createPlan(
          draft.plan.community,
          draft.communityId,
          server.features,
          result.currentVersion,
        );
        setState({
          kind: 'conflict',
          currentVersion: result.currentVersion,
          serverPlan,
          changes: serverChanges(draft.baseGrids, server.features),
        });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState(
        isDataError(error)
          ? { kind: 'failed', reason: error.kind, status: error.status, message }
          : { kind: 'failed', reason: 'unknown', message },
      );
    }
  }

  return { state, save, reset: () => setState({ kind: 'idle' }) };
}
