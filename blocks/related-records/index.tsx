// Related records: on a record's page (`/contracts/:id`), the records of another type whose relation
// field points at it (a contract's invoices), in the viewer's scope, as a table with "Load more".
import { z } from 'zod';
import { BuilderSample, EmptyState } from '../_lib/data-kit';
import { defineBlock } from '../_lib/define-block';
import {
  columnsProp,
  DataView,
  detailPathProp,
  entityTypeProp,
  fieldProp,
  humanize,
  isList,
  keysOf,
  listGate,
  ListStatus,
  LoadError,
  LoadMore,
  pageSizeProp,
  RecordTable,
  SampleTable,
  useListView,
} from '../entity-table/list-kit';

export const relatedRecordsProps = z
  .object({
    heading: z.string().trim().max(80).default('Invoices').meta({ label: 'Heading' }),
    entityType: entityTypeProp('invoice'),
    relationField: fieldProp('Linked by', 'The field of these records that points at the page’s record, like an invoice’s contract.').default('contract'),
    param: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'the name of a parameter in the page’s address, like id for /contracts/:id')
      .default('id')
      .meta({ label: 'Page record id from', help: 'The parameter of the page’s address that holds the record’s id: id for /contracts/:id.' }),
    columns: columnsProp(['number', 'issuedAt', 'status', 'amount']),
    pageSize: pageSizeProp(5),
    sortField: fieldProp('Sort by', 'Empty: newest first.').default(''),
    sortDir: z.enum(['asc', 'desc']).default('desc').meta({ label: 'Sort direction', help: 'Ascending: A–Z, oldest or smallest first.' }),
    detailPath: detailPathProp,
    emptyText: z.string().trim().max(200).default('No linked records yet.').meta({ label: 'Text when empty' }),
  })
  .strict();

export const relatedRecords = defineBlock({
  type: 'related-records',
  label: 'Related records',
  description: 'On a record’s page, the records of another type linked to it.',
  category: 'data',
  icon: 'related',
  props: relatedRecordsProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => {
    const fields = keysOf(p.columns.map((c) => c.field));
    if (!fields.length || !p.relationField) return null;
    return {
      kind: 'list',
      entityType: p.entityType,
      fields,
      limit: p.pageSize,
      ...(p.sortField ? { sort: [{ field: p.sortField, dir: p.sortDir }] } : {}),
      related: { field: p.relationField, param: p.param },
    };
  },
  Render: function RelatedRecords({ id, props, data, ctx }) {
    const view = useListView(id, data, ctx);
    const headingId = `${id}-heading`;
    const heading = props.heading ? (
      <h2 id={headingId} className="pb-related-records__heading">
        {props.heading}
      </h2>
    ) : null;
    if (ctx.mode === 'builder') {
      return (
        <DataView type="related-records">
          {heading}
          <BuilderSample title={`${humanize(props.entityType)} records linked to this page’s record`}>
            {`Shows the ${humanize(props.entityType).toLowerCase()} records whose “${humanize(props.relationField).toLowerCase() || '…'}” field points at the record of the page’s address (:${props.param}), within what the viewer may read.`}
          </BuilderSample>
          <SampleTable headings={props.columns.filter((c) => c.field).map((c) => c.label || humanize(c.field))} rows={2} />
        </DataView>
      );
    }
    const gate = listGate('related-records', data, isList(data) && !!view.result, props.emptyText, heading);
    if (gate) return gate;
    const result = view.result!;
    return (
      <DataView type="related-records">
        {heading}
        {result.items.length === 0 ? (
          <EmptyState>{props.emptyText}</EmptyState>
        ) : (
          <RecordTable result={result} columns={props.columns} view={view} sortable={false} detailPath={props.detailPath} caption={props.heading || result.label.plural} ctx={ctx} />
        )}
        <LoadError message={view.error} />
        <LoadMore view={view} noun={result.label.plural} />
        <ListStatus view={view} noun={result.label} />
      </DataView>
    );
  },
});
