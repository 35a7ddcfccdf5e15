// Table: records of a data type in the signed-in viewer's scope, one column per configured field
// they may read. The viewer may sort by a column's header, search titles and identifiers and load
// more (all checked by the server); the first page is rendered on the server and works without JS.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { BuilderSample, EmptyState } from '../_lib/data-kit';
import {
  columnsProp,
  DataView,
  detailPathProp,
  entityTypeProp,
  filtersProp,
  humanize,
  isList,
  keysOf,
  listGate,
  listRequest,
  ListStatus,
  LoadError,
  LoadMore,
  pageSizeProp,
  RecordTable,
  SampleTable,
  SearchBox,
  sortProps,
  useListView,
} from './list-kit';

export const entityTableProps = z
  .object({
    entityType: entityTypeProp('contract'),
    columns: columnsProp(['number', 'product', 'status', 'startDate', 'monthlyAmount']),
    pageSize: pageSizeProp(10),
    ...sortProps,
    sortable: z.boolean().default(true).meta({ label: 'Let viewers sort', help: 'Column headers sort the table (text, number, money, date and choice columns).' }),
    search: z.boolean().default(false).meta({ label: 'Search box', help: 'Searches the records’ titles and identifier fields.' }),
    filters: filtersProp,
    detailPath: detailPathProp,
    emptyText: z.string().trim().max(200).default('Nothing here yet.').meta({ label: 'Text when empty' }),
  })
  .strict();
export type EntityTableProps = z.output<typeof entityTableProps>;

export const entityTable = defineBlock({
  type: 'entity-table',
  label: 'Table',
  description: 'Records of a data type as a sortable, searchable table.',
  category: 'data',
  icon: 'table',
  props: entityTableProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => listRequest(p, keysOf(p.columns.map((c) => c.field)), p.sortable),
  Render: function EntityTable({ id, props, data, ctx }) {
    const view = useListView(id, data, ctx);
    const fields = keysOf(props.columns.map((c) => c.field));
    if (ctx.mode === 'builder') {
      return (
        <DataView type="entity-table">
          <BuilderSample title={`Table of ${humanize(props.entityType).toLowerCase()} records`}>
            Shows the signed-in user’s records in the published portal, {props.pageSize} per page
            {props.sortable ? ', sortable by column' : ''}
            {props.search ? ', with a search box' : ''}. Columns a viewer may not read are left out for them.
          </BuilderSample>
          <SampleTable headings={fields.length ? props.columns.filter((c) => c.field).map((c) => c.label || humanize(c.field)) : ['Choose a column']} />
        </DataView>
      );
    }
    const gate = listGate('entity-table', data, isList(data) && !!view.result, fields.length ? 'This table is not available.' : 'This table has no columns yet.');
    if (gate) return gate;
    const result = view.result!;
    const noun = result.label;
    return (
      <DataView type="entity-table">
        {props.search ? <SearchBox id={id} view={view} label={`Search ${noun.plural.toLowerCase()}`} /> : null}
        {result.items.length === 0 ? (
          <EmptyState>{result.search ? `No ${noun.plural.toLowerCase()} match “${result.search}”.` : props.emptyText}</EmptyState>
        ) : (
          <RecordTable result={result} columns={props.columns} view={view} sortable={props.sortable} detailPath={props.detailPath} caption={noun.plural} ctx={ctx} />
        )}
        <LoadError message={view.error} />
        <LoadMore view={view} noun={noun.plural} />
        <ListStatus view={view} noun={noun} />
      </DataView>
    );
  },
});
