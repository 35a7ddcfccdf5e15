// Cards: records of a data type in the viewer's scope as cards (or a compact list): the record's
// title linking to its page, a status badge and a few label / value lines. Same data as the table:
// search and "Load more" run through the server with the viewer's scope and readable fields.
import { z } from 'zod';
import type { FieldInfo, RecordRow } from '../../core';
import { BuilderSample, EmptyState, FieldValue, formatValue, StatusBadge } from '../_lib/data-kit';
import { defineBlock, type RenderContext } from '../_lib/define-block';
import {
  DataView,
  detailHref,
  detailPathProp,
  entityTypeProp,
  fieldListProp,
  fieldProp,
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
  SearchBox,
  sortProps,
  useListView,
} from '../entity-table/list-kit';

export const entityListProps = z
  .object({
    entityType: entityTypeProp('contract'),
    fields: fieldListProp('Fields on each card', ['product', 'startDate', 'monthlyAmount'], 'Up to four label / value lines under the title.', 4),
    badgeField: fieldProp('Badge', 'A choice field (like a status) shown as a coloured badge. Empty: none.').default('status'),
    layout: z.enum(['cards', 'list']).default('cards').meta({ label: 'Layout', help: 'Cards in a grid, or a compact list of rows.' }),
    pageSize: pageSizeProp(12),
    ...sortProps,
    search: z.boolean().default(false).meta({ label: 'Search box', help: 'Searches the records’ titles and identifier fields.' }),
    filters: filtersProp,
    detailPath: detailPathProp,
    emptyText: z.string().trim().max(200).default('Nothing here yet.').meta({ label: 'Text when empty' }),
  })
  .strict();

function cardTitle(row: RecordRow, first: FieldInfo | undefined, ctx: RenderContext, titles: Record<string, string>, singular: string): string {
  return row.title || (first ? formatValue(first, row.data[first.key], ctx.locale, titles) : '') || singular;
}

export const entityList = defineBlock({
  type: 'entity-list',
  label: 'Cards',
  description: 'Records of a data type as cards or a compact list, each linking to its page.',
  category: 'data',
  icon: 'list',
  props: entityListProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => listRequest(p, keysOf([...p.fields, p.badgeField]), false),
  Render: function EntityList({ id, props, data, ctx }) {
    const view = useListView(id, data, ctx);
    const keys = keysOf(props.fields);
    if (ctx.mode === 'builder') {
      return (
        <DataView type="entity-list">
          <BuilderSample title={`${props.layout === 'cards' ? 'Cards' : 'List'} of ${humanize(props.entityType).toLowerCase()} records`}>
            Shows the signed-in user’s records in the published portal, {props.pageSize} at a time: title{props.badgeField ? `, ${humanize(props.badgeField).toLowerCase()} badge` : ''}
            {keys.length ? ` and ${keys.map((k) => humanize(k).toLowerCase()).join(', ')}` : ''}. Fields a viewer may not read are left out for them.
          </BuilderSample>
          <ul className={`pb-entity-list__items pb-entity-list__items--${props.layout}`} aria-hidden="true">
            {[0, 1, 2].map((i) => (
              <li key={i} className="pd-card pb-entity-list__card">
                <span className="pb-dv-bar" style={{ width: `${55 - i * 8}%`, height: '0.9rem' }} />
                {keys.map((k) => (
                  <span key={k} className="pb-entity-list__sample-line">
                    <span className="pd-muted">{humanize(k)}</span>
                    <span className="pb-dv-bar" style={{ width: '40%' }} />
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </DataView>
      );
    }
    const gate = listGate('entity-list', data, isList(data) && !!view.result, 'This list is not available.');
    if (gate) return gate;
    const result = view.result!;
    const noun = result.label;
    const badge = result.fields.find((f) => f.key === props.badgeField && f.type === 'enum');
    const lines = keys.map((k) => result.fields.find((f) => f.key === k)).filter((f): f is FieldInfo => !!f && f.key !== badge?.key);
    return (
      <DataView type="entity-list">
        {props.search ? <SearchBox id={id} view={view} label={`Search ${noun.plural.toLowerCase()}`} /> : null}
        {result.items.length === 0 ? (
          <EmptyState>{result.search ? `No ${noun.plural.toLowerCase()} match “${result.search}”.` : props.emptyText}</EmptyState>
        ) : (
          <ul className={`pb-entity-list__items pb-entity-list__items--${props.layout}`} aria-label={noun.plural} aria-busy={view.busy ? true : undefined}>
            {result.items.map((row) => {
              const href = detailHref(ctx, props.detailPath, row.id);
              const title = cardTitle(row, lines[0], ctx, result.titles, noun.singular);
              const value = badge ? row.data[badge.key] : undefined;
              return (
                <li key={row.id} className="pd-card pb-entity-list__card">
                  <div className="pb-entity-list__head">
                    <h3 className="pd-card__title pb-entity-list__title">{href ? <a className="pb-dv-link pb-entity-list__link" href={href}>{title}</a> : title}</h3>
                    {badge && typeof value === 'string' ? <StatusBadge value={value} label={formatValue(badge, value, ctx.locale)} /> : null}
                  </div>
                  {lines.length ? (
                    <dl className="pb-entity-list__fields">
                      {lines.map((f) => (
                        <div key={f.key} className="pb-entity-list__field">
                          <dt>{f.label}</dt>
                          <dd>
                            <FieldValue field={f} row={row} ctx={ctx} titles={result.titles} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <LoadError message={view.error} />
        <LoadMore view={view} noun={noun.plural} />
        <ListStatus view={view} noun={noun} />
      </DataView>
    );
  },
});
