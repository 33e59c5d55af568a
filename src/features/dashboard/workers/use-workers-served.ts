import { useMeta } from '../../../data/queries';
import { useRuntimeConfig } from '../../../ui/runtime-config-context';

/**
 * Whether grid workers can be asked for: a source configured for them, or the dataset's own saying it serves them
 * (`meta.workers`). A city whose cases come from Open311, or a server without workers, shows no worker at all
 * rather than an alert for a service it never had.
 */
export function useWorkersServed(): boolean {
  const configured = useRuntimeConfig().sources.workers !== undefined;
  const advertised = useMeta().data?.workers === true;
  return configured || advertised;
}
