import { createContext, useContext, type ReactNode } from 'react';
import type { LayerSources } from './provider';

const DataSourceContext = createContext<LayerSources | null>(null);

export function DataSourceProvider({ source, children }: { source: LayerSources; children: ReactNode }) {
  return <DataSourceContext.Provider value={source}>{children}</DataSourceContext.Provider>;
}

export function useDataSource(): LayerSources {
  const source = useContext(DataSourceContext);
  if (!source) throw new Error('useDataSource must be used inside <DataSourceProvider>');
  return source;
}
