// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DataSourceProvider } from '../../../data/data-source-context';
import type { CaseQuery, LayerSources } from '../../../data/provider';
import { casesSchema, type CaseCollection } from '../../../contract/schemas/contract.schema';
import { runtimeConfigSchema } from '../../../domain/runtime-config';
import { RuntimeConfigProvider } from '../../../ui/runtime-config-context';
import CasePath from './case-path';

const unused = () => Promise.reject(new Error('not used here'));
const reportedAt = '2026-11-02T09:15:30+08:00';
// A case that went from the grid to the community and on to the street for a department, settled at the street
// after its supervision's deadline.
const collection = casesSchema.parse({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [112.85, 35.49] },
      properties: {
        id: 'C1',
        title: 'Drain',
        channel: 'patrol',
        category: 'environment',
        status: 'closed',
        reportedAt,
        dueAt: '2026-11-03T09:15:30+08:00',
        closedAt: '2026-11-05T10:00:00+08:00',
        resolved: true,
        satisfaction: null,
        gridId: 'G1',
        department: 'ecology',
        assignee: 'D-ecology-03',
        resolvedAtLevel: 'street',
        escalations: [
          {
            at: '2026-11-02T10:00:00+08:00',
            fromLevel: 'grid',
            toLevel: 'community',
            reason: 'beyond_authority',
          },
          {
            at: '2026-11-02T10:20:00+08:00',
            fromLevel: 'community',
            toLevel: 'street',
            reason: 'needs_department',
          },
        ],
        supervision: {
          by: 'district',
          at: '2026-11-03T15:00:00+08:00',
          deadline: '2026-11-04T15:00:00+08:00',
          state: 'missed',
        },
      },
    },
  ],
});

describe('the case path', () => {
  it('reads the case by id in the second it was reported and lists its steps and supervision', async () => {
    const cases = vi.fn((query: CaseQuery) =>
      Promise.resolve<CaseCollection>({
        ...collection,
        features: collection.features.filter((f) => query.ids?.includes(f.properties.id)),
      }),
    );
    const sources: LayerSources = {
      meta: unused,
      regions: unused,
      grids: unused,
      cameras: unused,
      stations: unused,
      cases,
      indicators: unused,
    };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <RuntimeConfigProvider config={runtimeConfigSchema.parse({ api: { baseUrl: '/api' } })}>
          <DataSourceProvider source={sources}>
            <CasePath id="C1" reportedAt={Date.parse(reportedAt)} status="closed" />
          </DataSourceProvider>
        </RuntimeConfigProvider>
      </QueryClientProvider>,
    );
    const path = await waitFor(() => screen.getByTestId('case-path'));
    expect(cases.mock.calls[0]?.[0]).toMatchObject({
      ids: ['C1'],
      from: '2026-11-02T09:15:30+08:00',
      to: '2026-11-02T09:15:31+08:00',
    });
    const steps = [...path.querySelectorAll('li')].map((item) => item.getAttribute('data-step'));
    expect(steps).toEqual(['reported', 'up-0', 'up-1', 'department', 'settled']);
    expect(path.querySelector('.case-path__supervision--missed')).not.toBeNull();
  });
});
