// Titles of linked records: relation values are record ids, and people read names. One query per
// target type for all the ids on screen (an `id in […]` filter that returns no field data).
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../api';

export function useRecordTitles(idsByTarget: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const trpc = useTRPC();
  const entries = [...idsByTarget].filter(([, ids]) => ids.length > 0);
  const results = useQueries({
    queries: entries.map(([type, ids]) => ({
      ...trpc.records.list.queryOptions({ type, filters: [{ field: 'id', op: 'in', value: ids.slice(0, 100) }], fields: [], limit: 100 }),
      staleTime: 30_000,
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const r of results) for (const item of r.data?.items ?? []) titles.set(item.id, item.title || item.id);
    return titles;
    // `results` is a new array each render; the update stamps say when its data changed.
  }, [stamp]);
}
