// The entity types and their fields as the inspector's pickers offer them (data blocks' entity type
// and field props), from the same query the Data section uses.
import { useMemo } from 'react';
import { useTypes } from '../entity-data/data-queries';
import type { EntityCatalog } from './entity-widgets';

export function useEntityCatalog(): EntityCatalog {
  const types = useTypes();
  return useMemo<EntityCatalog>(() => {
    const list = types.data ?? [];
    return {
      types: list.map((t) => ({ value: t.key, label: t.label.plural })),
      fieldsOf: (key) => list.find((t) => t.key === key)?.fields.map((f) => ({ value: f.key, label: `${f.label} (${f.type})` })) ?? [],
    };
  }, [types.data]);
}
