// Shared by the data view blocks (table, cards, related records, files): their common props
// (entity type, fields, preset filters, default sort, detail link), the list state a block keeps
// in the browser while the viewer sorts, searches and loads more, and the pieces they render with
// it (the records table, search box, "Load more", messages). The server runs the data request.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { SORTABLE, type BlockQuery, type DataErrorResult, type FieldInfo, type Filter, type ListResult, type RecordResult, type RecordRow } from '../../core';
import { EmptyState, FieldValue, formatValue } from '../_lib/data-kit';
import type { DataRequest, RenderContext } from '../_lib/define-block';
import { isPortalPath, safeHrefOrEmpty } from '../_lib/safe-href';

// ---- props ----

const TYPE_KEY = /^[a-z][a-z0-9_]{1,39}$/;
const FIELD_KEY = /^[a-z][A-Za-z0-9_]{0,39}$/;

/** The block's data type (an entity type key). */
export const entityTypeProp = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(TYPE_KEY, 'choose a data type')
    .default(fallback)
    .meta({ widget: 'entity-type', label: 'Data type', help: 'The kind of records this block shows.' });

/** A field of the block's data type; empty means "none chosen". */
export const fieldKey = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || FIELD_KEY.test(v), 'choose a field of the data type');

export const fieldProp = (label: string, help?: string) => fieldKey.meta({ widget: 'field', entityProp: 'entityType', label, ...(help ? { help } : {}) });

/** A list of field keys (the detail's sections, the file list's file fields). */
export const fieldListProp = (label: string, fallback: string[], help?: string, max = 40) =>
  z
    .array(fieldProp('Field'))
    .max(max, `use at most ${max} fields`)
    .default(fallback)
    .meta({ label, ...(help ? { help } : {}) });

export const columnSchema = z
  .object({
    field: fieldProp('Field'),
    label: z.string().trim().max(80).default('').meta({ label: 'Heading', help: 'Leave empty to use the field’s name.' }),
  })
  .strict();
export type Column = z.output<typeof columnSchema>;

export const columnsProp = (fallback: string[]) =>
  z
    .array(columnSchema)
    .min(1, 'add at least one column')
    .max(12, 'use at most 12 columns')
    .default(fallback.map((field) => ({ field, label: '' })))
    .meta({ label: 'Columns', help: 'Columns a viewer’s role may not read are left out for them.' });

/** Filter operators as admins read them, mapped to the query layer's. */
const OPERATORS = {
  is: 'eq',
  'is-not': 'ne',
  'less-than': 'lt',
  'at-most': 'lte',
  'more-than': 'gt',
  'at-least': 'gte',
  'is-one-of': 'in',
  contains: 'contains',
  'starts-with': 'startsWith',
  'is-empty': 'isNull',
  'is-not-empty': 'isNull',
} as const satisfies Record<string, Filter['op']>;
type Operator = keyof typeof OPERATORS;

export const filterSchema = z
  .object({
    field: fieldProp('Field'),
    op: z.enum(Object.keys(OPERATORS) as [Operator, ...Operator[]]).default('is').meta({ label: 'Condition' }),
    value: z.string().max(200).default('').meta({ label: 'Value', help: 'For “is one of”, separate values with commas. Dates as 2026-03-01; choices by their key.' }),
    as: z.enum(['text', 'number', 'yes-no']).default('text').meta({ label: 'Compare as', help: 'Text also covers dates, choices and linked records; number also covers money.' }),
  })
  .strict();
export type PresetFilter = z.output<typeof filterSchema>;

export const filtersProp = z
  .array(filterSchema)
  .max(10)
  .default([])
  .meta({ label: 'Only show records where', help: 'Conditions every viewer’s list keeps, whatever they may read. All must hold.' });

export const sortProps = {
  sortField: fieldProp('Sort by', 'Empty: newest first.').default(''),
  sortDir: z.enum(['asc', 'desc']).default('asc').meta({ label: 'Sort direction', help: 'Ascending: A–Z, oldest or smallest first.' }),
};

export const detailPathProp = safeHrefOrEmpty
  .default('')
  .meta({ widget: 'page-link', label: 'Record page', help: 'A page with a parameter, like /contracts/:id. “:id” becomes the record’s id. Empty: no link.' });

export const pageSizeProp = (fallback: number) =>
  z.number().int().min(1).max(100).default(fallback).meta({ label: 'Records per page', help: 'More load with “Load more”.' });

/** The configured fields, without empty picks and repeats. */
export function keysOf(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((k) => k !== ''))];
}

function valueAs(raw: string, as: PresetFilter['as']): unknown {
  const v = raw.trim();
  if (as === 'number') return v === '' ? NaN : Number(v);
  if (as === 'yes-no') return /^(yes|true|1|on)$/i.test(v);
  return v;
}

/**
 * An admin's filters as the query layer takes them, converted by "Compare as" (the block knows only
 * its props, not the field types). A value of the wrong kind is refused by the server with the field
 * named, and the block says so instead of showing an unfiltered list.
 */
export function toFilters(filters: readonly PresetFilter[]): Filter[] {
  const out: Filter[] = [];
  for (const f of filters) {
    if (!f.field) continue;
    const op = OPERATORS[f.op];
    if (f.op === 'is-empty' || f.op === 'is-not-empty') out.push({ field: f.field, op, value: f.op === 'is-empty' });
    else if (f.op === 'is-one-of') out.push({ field: f.field, op, value: f.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => valueAs(s, f.as)) });
    else out.push({ field: f.field, op, value: valueAs(f.value, f.as) });
  }
  return out;
}

/** The record page of a row: `:id` replaced by its id; null without a (portal) page. */
export function detailHref(ctx: RenderContext, detailPath: string, id: string): string | null {
  if (!detailPath || !isPortalPath(detailPath)) return null;
  return ctx.href(detailPath.replace(/:id\b/g, encodeURIComponent(id)));
}

/** "monthlyAmount" → "Monthly amount": a column heading in the builder, before data exists. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** The list request of a table (also used by the cards block): columns, default sort, preset filters. */
export function listRequest(p: { entityType: string; pageSize: number; sortField: string; sortDir: 'asc' | 'desc'; search: boolean; filters: readonly PresetFilter[] }, fields: string[], sortable: boolean): DataRequest | null {
  if (fields.length === 0) return null;
  const filters = toFilters(p.filters);
  return {
    kind: 'list',
    entityType: p.entityType,
    fields,
    limit: p.pageSize,
    ...(p.sortField ? { sort: [{ field: p.sortField, dir: p.sortDir }] } : {}),
    ...(filters.length ? { filters } : {}),
    ...(sortable ? { sortable: fields } : {}),
    search: p.search,
  };
}

// ---- data ----

export const isList = (d: unknown): d is ListResult => typeof d === 'object' && d !== null && (d as ListResult).kind === 'list';
export const isRecord = (d: unknown): d is RecordResult => typeof d === 'object' && d !== null && (d as RecordResult).kind === 'record';
export const isDataError = (d: unknown): d is DataErrorResult => typeof d === 'object' && d !== null && (d as DataErrorResult).kind === 'error';

/** The configured columns the viewer may read (the server left the others out), in the admin's order. */
export function visibleColumns(columns: readonly Column[], fields: readonly FieldInfo[]): { field: FieldInfo; label: string }[] {
  const out: { field: FieldInfo; label: string }[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    const field = fields.find((f) => f.key === c.field);
    if (!field || seen.has(field.key)) continue;
    seen.add(field.key);
    out.push({ field, label: c.label || field.label });
  }
  return out;
}

/** A header click: the same field again flips the direction, another field starts ascending. */
export function nextSort(now: { field: string; dir: 'asc' | 'desc' } | undefined, field: string): { field: string; dir: 'asc' | 'desc' } {
  return { field, dir: now?.field === field && now.dir === 'asc' ? 'desc' : 'asc' };
}

/** The next page appended to the rows shown (a row already shown is not repeated); its cursor goes on. */
export function appendPage(shown: ListResult, next: ListResult): ListResult {
  const ids = new Set(shown.items.map((r) => r.id));
  return { ...next, items: [...shown.items, ...next.items.filter((r) => !ids.has(r.id))], titles: { ...shown.titles, ...next.titles } };
}

type Busy = false | 'sort' | 'search' | 'more';
type ListState = { src: unknown; result: ListResult | null; query: Omit<BlockQuery, 'cursor'>; busy: Busy; error: string | null };

export type ListView = {
  result: ListResult | null;
  busy: Busy;
  /** The last reload's failure, announced. */
  error: string | null;
  /** The sort the rows are in (the viewer's, or the block's default). */
  sort: { field: string; dir: 'asc' | 'desc' } | null;
  sortBy: (field: string) => void;
  search: (text: string) => void;
  loadMore: () => void;
};

const NOT_HERE = 'Sorting, searching and paging work in the published portal.';

/**
 * A list block's records in the browser: the server-rendered first page, then the viewer's sort,
 * search and further pages through `ctx.loadData` (checked by the server against what the block
 * offers and what the viewer may read). A new page payload (navigation, an action) starts over.
 */
export function useListView(blockId: string, data: unknown, ctx: RenderContext): ListView {
  const fresh = (): ListState => ({ src: data, result: isList(data) ? data : null, query: {}, busy: false, error: null });
  const [state, setState] = useState<ListState>(fresh);
  let current = state;
  if (state.src !== data) {
    current = fresh();
    setState(current);
  }
  const seq = useRef(0);
  const stateRef = useRef(current);
  stateRef.current = current;

  const load = useCallback(
    (query: Omit<BlockQuery, 'cursor'>, mode: Exclude<Busy, false>) => {
      const before = stateRef.current;
      const cursor = mode === 'more' ? before.result?.nextCursor : undefined;
      if (mode === 'more' && !cursor) return;
      if (!ctx.loadData) {
        setState((s) => ({ ...s, error: NOT_HERE }));
        return;
      }
      const n = ++seq.current;
      const src = before.src;
      setState((s) => ({ ...s, busy: mode, error: null }));
      const request: BlockQuery = { ...query, ...(cursor ? { cursor } : {}) };
      ctx.loadData(blockId, request).then(
        (res) => {
          if (n !== seq.current) return;
          setState((s) => {
            if (s.src !== src) return s;
            if (!isList(res)) return { ...s, busy: false, error: isDataError(res) ? res.message : 'The list could not be loaded.' };
            const result = mode === 'more' && s.result ? appendPage(s.result, res) : res;
            return { ...s, result, query, busy: false, error: null };
          });
        },
        (err: unknown) => {
          if (n !== seq.current) return;
          setState((s) => (s.src !== src ? s : { ...s, busy: false, error: err instanceof Error && err.message ? err.message : 'The list could not be loaded.' }));
        },
      );
    },
    [blockId, ctx],
  );

  const sort = current.result?.sort[0] ?? null;
  const sortBy = useCallback(
    (field: string) => {
      const s = stateRef.current;
      load({ ...s.query, sort: [nextSort(s.result?.sort[0], field)] }, 'sort');
    },
    [load],
  );
  const search = useCallback(
    (text: string) => {
      const s = stateRef.current;
      const q = text.trim();
      if (q === (s.query.search ?? '')) return;
      const { search: _old, ...rest } = s.query;
      load(q ? { ...rest, search: q } : rest, 'search');
    },
    [load],
  );
  const loadMore = useCallback(() => load(stateRef.current.query, 'more'), [load]);
  return { result: current.result, busy: current.busy, error: current.error, sort, sortBy, search, loadMore };
}

// ---- pieces ----

/** What a list shows under its rows: how many, in which order, and what is loading; read out politely. */
export function ListStatus({ view, noun, count }: { view: ListView; noun: { singular: string; plural: string }; count?: number }) {
  const r = view.result;
  let text = '';
  if (view.busy) text = view.busy === 'more' ? `Loading more ${noun.plural.toLowerCase()}…` : `Loading ${noun.plural.toLowerCase()}…`;
  else if (r) {
    const n = count ?? r.items.length;
    const what = `${n} ${(n === 1 ? noun.singular : noun.plural).toLowerCase()}`;
    const field = view.sort ? r.fields.find((f) => f.key === view.sort!.field) : undefined;
    const order = field ? `, sorted by ${field.label.toLowerCase()} (${view.sort!.dir === 'asc' ? 'ascending' : 'descending'})` : '';
    text = `${r.search ? `${what} matching “${r.search}”` : `${what} shown`}${order}${r.nextCursor ? '; more available' : ''}.`;
  }
  return (
    <p className="pb-dv-status pb-sr-only" role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function LoadError({ message }: { message: string | null }) {
  return message ? (
    <p className="pd-message pd-message--error" role="alert">
      {message}
    </p>
  ) : null;
}

/** A configuration that no longer fits the data type, said calmly in place of the block. */
export function DataErrorNote({ message }: { message: string }) {
  return <p className="pd-message pd-message--error">{message}</p>;
}

export function LoadMore({ view, noun }: { view: ListView; noun: string }) {
  if (!view.result?.nextCursor) return null;
  const busy = view.busy === 'more';
  return (
    <div className="pb-dv-more">
      <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" onClick={view.loadMore} disabled={view.busy !== false} aria-busy={busy || undefined}>
        {busy ? 'Loading…' : `Load more ${noun.toLowerCase()}`}
      </button>
    </div>
  );
}

/** A search box over the records' titles and identifiers: as the viewer types (debounced), or on Enter. */
export function SearchBox({ id, view, label }: { id: string; view: ListView; label: string }) {
  const applied = view.result?.search ?? '';
  const [text, setText] = useState(applied);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    view.search(text);
  };
  const inputId = `${id}-search`;
  return (
    <form className="pb-dv-search" role="search" onSubmit={onSubmit} aria-label={label}>
      <label className="pb-sr-only" htmlFor={inputId}>
        {label}
      </label>
      <svg className="pb-icon pb-dv-search__icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" aria-hidden="true" focusable="false">
        <path d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <input
        id={inputId}
        className="pd-input pb-dv-search__input"
        type="search"
        name="q"
        value={text}
        placeholder={label}
        autoComplete="off"
        maxLength={200}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          clear();
          timer.current = setTimeout(() => view.search(next), 350);
        }}
      />
    </form>
  );
}

/** The text of a row's link: the first column's value, else the record's title. */
function linkText(field: FieldInfo | undefined, row: RecordRow, ctx: RenderContext, titles: Record<string, string>, singular: string): string {
  const v = field ? formatValue(field, row.data[field.key], ctx.locale, titles) : '';
  return v || row.title || `Open ${singular.toLowerCase()}`;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * Records as an accessible table: a caption, column headers with aria-sort (buttons when the
 * viewer may sort by the field), the first cell of a row as its header linking to the record's
 * page. Narrow containers stack each row as a labelled card (roles keep the table semantics).
 */
export function RecordTable({
  result,
  columns,
  view,
  sortable,
  detailPath,
  caption,
  ctx,
}: {
  result: ListResult;
  columns: readonly Column[];
  view: ListView | null;
  sortable: boolean;
  detailPath: string;
  caption: string;
  ctx: RenderContext;
}) {
  const cols = visibleColumns(columns, result.fields);
  // Links sort by the linked record's id, which means nothing to a reader: not offered.
  const offered = new Set(sortable ? cols.filter((c) => SORTABLE.has(c.field.type) && c.field.type !== 'relation').map((c) => c.field.key) : []);
  const sort = view?.sort ?? result.sort[0] ?? null;
  if (cols.length === 0) return <p className="pd-empty">None of this table’s columns are available to you.</p>;
  return (
    <div className="pb-dv-table">
      <table className="pd-table" role="table" aria-busy={view?.busy ? true : undefined}>
        <caption className="pb-sr-only">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {cols.map((c) => {
              const sorted = sort?.field === c.field.key ? sort.dir : null;
              return (
                <th
                  key={c.field.key}
                  scope="col"
                  role="columnheader"
                  aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                  className={[c.field.type === 'money' || c.field.type === 'number' ? 'pb-dv-num' : '', offered.has(c.field.key) && view ? 'pb-dv-th--sortable' : ''].filter(Boolean).join(' ') || undefined}
                >
                  {offered.has(c.field.key) && view ? (
                    <button type="button" className="pb-dv-sort" onClick={() => view.sortBy(c.field.key)} disabled={view.busy !== false}>
                      <span>{c.label}</span>
                      <SortMark dir={sorted} />
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {result.items.map((row) => {
            const href = detailHref(ctx, detailPath, row.id);
            return (
              <tr key={row.id} role="row">
                {cols.map((c, i) => {
                  const num = c.field.type === 'money' || c.field.type === 'number' ? 'pb-dv-num' : undefined;
                  if (i === 0) {
                    return (
                      <th key={c.field.key} scope="row" role="rowheader" data-label={c.label} className={num ? `${num} pb-dv-first` : 'pb-dv-first'}>
                        {href ? (
                          <a className="pb-dv-link" href={href}>
                            {linkText(c.field, row, ctx, result.titles, result.label.singular)}
                          </a>
                        ) : (
                          <FieldValue field={c.field} row={row} ctx={ctx} titles={result.titles} />
                        )}
                      </th>
                    );
                  }
                  return (
                    <td key={c.field.key} role="cell" data-label={c.label} className={num}>
                      <FieldValue field={c.field} row={row} ctx={ctx} titles={result.titles} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SortMark({ dir }: { dir: 'asc' | 'desc' | null }) {
  return (
    <svg className="pb-dv-sort__mark" viewBox="0 0 12 16" width="12" height="16" aria-hidden="true" focusable="false">
      <path d="M6 2 2.5 6.5h7z" fill="currentColor" opacity={dir === 'asc' ? 1 : 0.3} />
      <path d="M6 14 2.5 9.5h7z" fill="currentColor" opacity={dir === 'desc' ? 1 : 0.3} />
    </svg>
  );
}

/** A sample table for the builder's canvas: the configured headings over placeholder rows. */
export function SampleTable({ headings, rows = 3 }: { headings: string[]; rows?: number }) {
  return (
    <div className="pb-dv-table pb-dv-table--sample" aria-hidden="true">
      <table className="pd-table">
        <thead>
          <tr>
            {headings.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {headings.map((_, i) => (
                <td key={i}>
                  <span className="pb-dv-bar" style={{ width: `${45 + ((r * 17 + i * 23) % 45)}%` }} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Wraps a data block: its root class, and a size container for narrow layouts. */
export function DataView({ type, children }: { type: string; children: ReactNode }) {
  return <div className={`pb-${type} pb-dv`}>{children}</div>;
}

/**
 * What a list block shows instead of its records: its configuration error, or `unavailable` when
 * there is no list to show (no data for this viewer). Null when the records can be shown.
 */
export function listGate(type: string, data: unknown, ready: boolean, unavailable: ReactNode, heading: ReactNode = null): ReactNode | null {
  if (isDataError(data)) {
    return (
      <DataView type={type}>
        {heading}
        <DataErrorNote message={data.message} />
      </DataView>
    );
  }
  if (ready) return null;
  return (
    <DataView type={type}>
      {heading}
      <EmptyState>{unavailable}</EmptyState>
    </DataView>
  );
}
