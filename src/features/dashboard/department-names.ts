import { useMemo } from 'react';
import type { DepartmentId } from '../../domain/department';
import { useDepartments } from '../../data/queries';

/**
 * A department's name as the city's `/departments` gives it (not a translation: the names are the city's own);
 * its code while the list is loading or when the provider has none.
 */
export function useDepartmentName(): (id: DepartmentId) => string {
  const { data } = useDepartments();
  return useMemo(() => {
    const names = new Map(data?.departments.map((department) => [department.id, department.name]));
    return (id) => names.get(id) ?? id;
  }, [data]);
}
