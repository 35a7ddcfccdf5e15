// What the Data section shares: the server's types for entity types and records, who may change
// data (owners and admins; designers read), and refreshing the data queries after a change.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { useTRPC, type api } from '../api';
import type { Me } from '../app';

export type TypeSummary = Awaited<ReturnType<typeof api.entityTypes.list.query>>[number];
export type RecordPage = Awaited<ReturnType<typeof api.records.list.query>>;
export type RecordView = RecordPage['items'][number];

/** The server lets owners and admins change types and records (`managers`); designers only read. */
export function canChangeData(me: Pick<Me, 'role'>): boolean {
  return me.role === 'owner' || me.role === 'admin';
}

export const READ_ONLY_NOTE = 'You can look at the data, but only owners and admins change types and records.';

export type DataContextValue = { portalId: string; canWrite: boolean };
export const DataContext = createContext<DataContextValue>({ portalId: '', canWrite: false });
export const useDataContext = () => useContext(DataContext);

/** Every entity type with its record count: the nav, the lists and the pickers share this query. */
export function useTypes() {
  const trpc = useTRPC();
  return useQuery(trpc.entityTypes.list.queryOptions());
}
export type TypesQuery = ReturnType<typeof useTypes>;

/** Refreshes the types (their record counts) and every records query. */
export function useRefreshData(): () => Promise<void> {
  const qc = useQueryClient();
  const trpc = useTRPC();
  return useCallback(async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: trpc.entityTypes.pathKey() }), qc.invalidateQueries({ queryKey: trpc.records.pathKey() })]);
  }, [qc, trpc]);
}
