// Entity-type and field pickers of the data blocks. They read their choices from the entity types
// of the Data section (EntityCatalogProvider, fed by use-entity-catalog.ts), and a field picker
// follows the entity type chosen in its block (the prop named by `.meta({ entityProp })`).
import { createContext, memo, useContext, type ChangeEvent } from 'react';
import { type WidgetProps } from './basic-widgets';
import { controlAria, FieldFrame } from './field-frame';
import { formatText } from './use-draft';

export type EntityChoice = { value: string; label: string };
export type EntityCatalog = { types: readonly EntityChoice[]; fieldsOf: (entityType: string) => readonly EntityChoice[] };

const EMPTY_CATALOG: EntityCatalog = { types: [], fieldsOf: () => [] };
const EntityCatalogContext = createContext<EntityCatalog>(EMPTY_CATALOG);
export const EntityCatalogProvider = EntityCatalogContext.Provider;

/** The selected block's props, for pickers that depend on a sibling prop. */
export const BlockValuesContext = createContext<Record<string, unknown>>({});

const WAITING = 'No data types yet: define one in the Data section first.';

export const EntityPickerWidget = memo(function EntityPickerWidget({ id, field, value, path, issue, commit, hideLabel }: WidgetProps) {
  const catalog = useContext(EntityCatalogContext);
  const values = useContext(BlockValuesContext);
  const isType = field.widget === 'entity-type';
  const entityType = field.entityProp ? formatText(values[field.entityProp]) : '';
  const choices = isType ? catalog.types : entityType ? catalog.fieldsOf(entityType) : [];
  const current = formatText(value);
  const available = choices.length > 0;
  const noun = isType ? 'data type' : 'field';
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.currentTarget.value;
    commit(path, () => next);
  };
  const why = available ? '' : isType ? WAITING : 'Choose a data type first.';
  const help = [field.help, why].filter(Boolean).join(' ') || undefined;
  return (
    <FieldFrame id={id} label={field.label} help={help} error={issue} hideLabel={hideLabel}>
      <select className="select" {...controlAria(id, help, issue)} value={current} onChange={onChange} disabled={!available}>
        <option value="">{available ? `Choose a ${noun}…` : `No ${noun}s yet`}</option>
        {current && !choices.some((c) => c.value === current) ? <option value={current}>{current}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});
