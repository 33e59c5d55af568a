// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { decodeCaseColumns } from '../../../contract/columnar/case-columns.decode';
import { DataSourceProvider } from '../../../data/data-source-context';
import { sampleCases, sampleCasesColumnar, sampleGridIds } from '../../../contract/columnar/case.fixtures';
import { CaseColumns } from '../../../live/case-columns';
import type { CaseQuery, LayerSources } from '../../../data/provider';
import type { CaseCollection } from '../../../contract/schemas/contract.schema';
import { useCaseTitles } from './use-case-titles';

const features = sampleCases(10);
/** Columns as the columnar path builds them: no titles. */
const columns = CaseColumns.fromWire(decodeCaseColumns(sampleCasesColumnar(features)), sampleGridIds);
const period = { from: Date.parse('2026-10-01T00:00:00+08:00'), to: Date.parse('2027-01-01T00:00:00+08:00') };
const unused = () => Promise.reject(new Error('not used here'));

describe('useCaseTitles', () => {
  it('asks only for the ids it has not seen: a case joining the list fetches its own title only', async () => {
    const cases = vi.fn((query: CaseQuery) =>
      Promise.resolve<CaseCollection>({
        type: 'FeatureCollection',
        features: features.filter((feature) => query.ids?.includes(feature.properties.id)),
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
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>
        <DataSourceProvider source={sources}>{children}</DataSourceProvider>
      </QueryClientProvider>
    );
    const hook = renderHook(({ rows }: { rows: number[] }) => useCaseTitles(columns, rows, period), {
      wrapper,
      initialProps: { rows: [0, 1, 2] },
    });
    await waitFor(() => expect(hook.result.current.get('C2')).toBe('case 2'));
    expect(cases).toHaveBeenCalledTimes(1);
    expect(cases.mock.calls[0]?.[0].ids).toEqual(['C0', 'C1', 'C2']);

    // A new case on top of the list: the others' titles are known.
    hook.rerender({ rows: [3, 0, 1, 2] });
    await waitFor(() => expect(hook.result.current.get('C3')).toBe('case 3'));
    expect(cases).toHaveBeenCalledTimes(2);
    expect(cases.mock.calls[1]?.[0].ids).toEqual(['C3']);
    expect(hook.result.current.get('C0')).toBe('case 0');

    // The list shrinking back asks for nothing.
    hook.rerender({ rows: [0, 1] });
    expect(hook.result.current.get('C1')).toBe('case 1');
    expect(cases).toHaveBeenCalledTimes(2);
  });
});
