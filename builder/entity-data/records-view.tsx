// A type's records: a table of the first fields, sorted by a header click, narrowed by filters and
// a search, paged with the query's cursors (a stack of them for "Previous"; there is no total, so
// the footer says what is on screen and nothing more). A record opens in a side panel at its own
// address; import and export are per type.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, ArrowUpDown, Download, Paperclip, Plus, Search, SlidersHorizontal, Upload, X } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { FieldDef } from '../../core';
import { useTRPC } from '../api';
import { navigate, onLinkClick } from '../router';
import { formatAbsoluteTime, formatRelativeTime } from '../shell/format-time';
import { CursorPager, useCursorStack } from '../ui/cursor-pager';
import { LoadingRows } from '../ui/load-states';
import { READ_ONLY_NOTE, useDataContext, type RecordView, type TypeSummary, type TypesQuery } from './data-queries';
import { dataHref } from './data-route';
import { activeFilters, filterFields, toFilter, type FilterDraft } from './filter-values';
import { FilterBar, newFilter } from './filter-bar';
import { formatValue } from './format-value';
import { ImportDialog } from './import-dialog';
import { issuesOf, sentence } from './issues';
import { isSortable, linkedIds, nextSort, pickColumns, type SortState } from './record-columns';
import { RecordPanel } from './record-form';
import { useDebounced } from './record-picker';
import { useRecordTitles } from './record-titles';
import { TypeGate } from './type-gate';


export function RecordsView({ typeKey, record, types }: { typeKey: string; record: string | null; types: TypesQuery }) {
  return (
    <TypeGate types={types} typeKey={typeKey} loading="Loading the records" failed="The entity types could not be loaded" wide>
      {/* A changed definition (new revision) may change the columns and filters: start afresh. */}
      {(type, all) => <RecordsTable key={type.revision} type={type} types={all} record={record} />}
    </TypeGate>
  );
}

function RecordsTable({ type, types, record }: { type: TypeSummary; types: TypeSummary[]; record: string | null }) {
  const { portalId, canWrite } = useDataContext();
  const trpc = useTRPC();
  const ids = useId();
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 300);
  const fields = useMemo(() => filterFields(type), [type]);
  const [filters, setFilters] = useState<FilterDraft[]>([]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [sort, setSort] = useState<SortState>(null);
  const [limit, setLimit] = useState<number>(25);
  const [importing, setImporting] = useState(false);
  // Typing in a filter's value asks again only once the typing pauses.
  const appliedJson = useDebounced(JSON.stringify(activeFilters(filters, fields)), 300);
  const applied = useMemo(() => JSON.parse(appliedJson) as ReturnType<typeof activeFilters>, [appliedJson]);
  // Any change to what is asked for starts again at the first page.
  const base = JSON.stringify({ search, applied, sort, limit });
  const stack = useCursorStack(base);
  const { cursors, current: cursor } = stack;

  const input = {
    type: type.key,
    ...(search ? { search } : {}),
    filters: applied,
    sort: sort ? [sort] : [],
    limit,
    ...(cursor ? { cursor } : {}),
  };
  const page = useQuery({ ...trpc.records.list.queryOptions(input), placeholderData: keepPreviousData });
  const columns = useMemo(() => pickColumns(type), [type]);
  const rows = page.data?.items ?? [];
  const titles = useRecordTitles(useMemo(() => linkedIds(columns, rows), [columns, rows]));
  const narrowed = Boolean(search) || applied.length > 0;
  const queryIssues = page.isError ? issuesOf(page.error) : [];

  const openRecord = (id: string) => navigate(dataHref(portalId, { view: 'records', type: type.key, record: id }));
  const closeRecord = () => navigate(dataHref(portalId, { view: 'records', type: type.key, record: null }));

  const exportHref = (format: 'csv' | 'json') => `/admin/api/export?${new URLSearchParams({ type: type.key, format })}`;

  return (
    <div className="content dt-content dt-content--wide">
      <header className="page-header sh-page-header dt-records-header">
        <div>
          <h1>{type.label.plural}</h1>
          <p className="sh-subtitle">
            {type.description ? `${type.description} ` : ''}
            <a className="dt-quiet-link" href={dataHref(portalId, { view: 'type', key: type.key })} onClick={onLinkClick}>
              {type.fields.length} fields
            </a>
          </p>
        </div>
        <div className="dt-header-actions">
          {canWrite ? (
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              <Upload aria-hidden="true" />
              Import
            </button>
          ) : null}
          {/* Export, like import, is for owners and admins (it includes internal fields). */}
          {canWrite ? <ExportMenu csv={exportHref('csv')} json={exportHref('json')} /> : null}
          {canWrite ? (
            <a className="btn btn--primary" href={dataHref(portalId, { view: 'records', type: type.key, record: 'new' })} onClick={onLinkClick}>
              <Plus aria-hidden="true" />
              New {type.label.singular.toLowerCase()}
            </a>
          ) : null}
        </div>
      </header>
      {!canWrite ? <p className="sh-callout sh-callout--info">{READ_ONLY_NOTE}</p> : null}

      <div className="dt-tablecard">
        <div className="dt-toolbar" role="search" aria-label={`Search and filter ${type.label.plural.toLowerCase()}`}>
          <div className="dt-search">
            <Search aria-hidden="true" className="dt-search__icon" />
            <input
              id={`${ids}-search`}
              className="input dt-search__input"
              type="search"
              aria-label={`Search ${type.label.plural.toLowerCase()}`}
              placeholder={`Search ${type.label.plural.toLowerCase()}…`}
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
            />
          </div>
          <button
            type="button"
            className={`btn${filtersOpen ? ' dt-btn--on' : ''}`}
            aria-expanded={filtersOpen}
            aria-controls={`${ids}-filters`}
            onClick={() => {
              setFiltersOpen((o) => !o);
              if (!filtersOpen && filters.length === 0) setFilters([newFilter(fields[0]!)]);
            }}
          >
            <SlidersHorizontal aria-hidden="true" />
            Filter
            {applied.length ? <span className="dt-count-badge">{applied.length}</span> : null}
          </button>
          <span className="dt-toolbar__hint">Search looks in the title{type.fields.some((f) => f.identifier) ? ' and identifier fields' : ''}.</span>
          {page.isFetching && !page.isPending ? <span className="sh-spinner dt-toolbar__spinner" role="status" aria-label="Updating" /> : null}
        </div>
        {filtersOpen ? (
          <FilterBar
            id={`${ids}-filters`}
            fields={fields}
            types={types}
            filters={filters}
            problems={Object.fromEntries(
              filters.map((f) => {
                const r = toFilter(
                  f,
                  fields.find((x) => x.key === f.field),
                );
                return [f.uid, r.state === 'invalid' ? r.message : null];
              }),
            )}
            onChange={setFilters}
          />
        ) : null}

        {page.isPending ? (
          <LoadingRows label={`Loading ${type.label.plural.toLowerCase()}`} />
        ) : page.isError ? (
          <div className="dt-table-error" role="alert">
            <p>
              <strong>The {type.label.plural.toLowerCase()} could not be listed.</strong> {queryIssues.length ? queryIssues.map((i) => sentence(i.message)).join('; ') : sentence(page.error.message)}
            </p>
            <button type="button" className="btn btn--small" onClick={() => void page.refetch()}>
              Try again
            </button>
          </div>
        ) : rows.length === 0 ? (
          <EmptyRecords
            type={type}
            narrowed={narrowed}
            firstPage={cursors.length === 0}
            canWrite={canWrite}
            onClear={() => {
              setSearchText('');
              setFilters([]);
            }}
            onImport={() => setImporting(true)}
          />
        ) : (
          <div className="dt-table-scroll">
            <table className="table dt-records-table" aria-describedby={`${ids}-status`}>
              <caption className="visually-hidden">
                {type.label.plural}
                {sort ? `, sorted by ${type.fields.find((f) => f.key === sort.field)?.label ?? sort.field} ${sort.dir === 'asc' ? 'ascending' : 'descending'}` : ''}
              </caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <SortHeader key={c.key} field={c.key} label={c.label} sortable={isSortable(c)} sort={sort} numeric={c.type === 'number' || c.type === 'money'} onSort={setSort} />
                  ))}
                  <SortHeader field="updatedAt" label="Updated" sortable sort={sort} onSort={setSort} />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <RecordRow key={r.id} record={r} columns={columns} titles={titles} titleField={type.titleField} href={dataHref(portalId, { view: 'records', type: type.key, record: r.id })} onOpen={() => openRecord(r.id)} selected={record === r.id} />
                ))}
              </tbody>
            </table>
          </div>
        )}

        {!page.isPending && !page.isError && (rows.length > 0 || cursors.length > 0) ? (
          <CursorPager
            statusId={`${ids}-status`}
            count={rows.length}
            limit={limit}
            onLimit={setLimit}
            stack={stack}
            nextCursor={page.data?.nextCursor}
            busy={page.isFetching}
            narrowed={narrowed}
            noun={{ one: type.label.singular.toLowerCase(), many: type.label.plural.toLowerCase() }}
          />
        ) : null}
      </div>

      {record ? <RecordPanel type={type} recordId={record} types={types} onClose={closeRecord} /> : null}
      <ImportDialog open={importing} type={type} onClose={() => setImporting(false)} />
    </div>
  );
}

function SortHeader({ field, label, sortable, sort, numeric, onSort }: { field: string; label: string; sortable: boolean; sort: SortState; numeric?: boolean; onSort: (s: SortState) => void }) {
  const dir = sort?.field === field ? sort.dir : null;
  const Icon = dir === 'asc' ? ArrowUp : dir === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <th scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined} className={numeric ? 'dt-num' : undefined}>
      {sortable ? (
        <button type="button" className={`dt-sort${dir ? ' dt-sort--on' : ''}`} onClick={() => onSort(nextSort(sort, field))}>
          {label}
          <Icon aria-hidden="true" className="dt-sort__icon" />
          <span className="visually-hidden">{dir === 'asc' ? ', sorted ascending; sort descending' : dir === 'desc' ? ', sorted descending; remove the sort' : ', sort ascending'}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

function RecordRow({
  record,
  columns,
  titles,
  titleField,
  href,
  selected,
  onOpen,
}: {
  record: RecordView;
  columns: FieldDef[];
  titles: Map<string, string>;
  titleField: string;
  href: string;
  selected: boolean;
  onOpen: () => void;
}) {
  // The whole row opens the record for a mouse; the title link is the keyboard's way in.
  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    onOpen();
  };
  return (
    <tr className={`dt-row${selected ? ' dt-row--selected' : ''}`} onClick={onClick}>
      {columns.map((c, i) => {
        const text = formatValue(c, record.data[c.key], titles);
        if (i === 0) {
          const label = c.key === titleField ? record.title || text : text;
          return (
            <td key={c.key} className="dt-cell--title">
              <a href={href} onClick={onLinkClick}>
                {label || <span className="muted">Untitled</span>}
              </a>
            </td>
          );
        }
        return (
          <td key={c.key} className={c.type === 'number' || c.type === 'money' ? 'dt-num' : undefined}>
            <Cell field={c} value={record.data[c.key]} text={text} />
          </td>
        );
      })}
      <td className="dt-cell--time">
        <time dateTime={record.updatedAt} title={formatAbsoluteTime(record.updatedAt)}>
          {formatRelativeTime(record.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

function Cell({ field, value, text }: { field: FieldDef; value: unknown; text: string }) {
  if (!text) return <span className="dt-empty-cell" aria-label="empty">—</span>;
  switch (field.type) {
    case 'enum':
      return <span className="dt-enum">{text}</span>;
    case 'boolean':
      return <span className={value ? 'dt-yes' : 'dt-no'}>{text}</span>;
    case 'file':
      return (
        <span className="dt-filecell">
          <Paperclip aria-hidden="true" />
          {text}
        </span>
      );
    case 'email':
    case 'url':
    case 'address':
    case 'text':
    case 'relations':
      return (
        <span className="dt-clip" title={text}>
          {text}
        </span>
      );
    default:
      return <>{text}</>;
  }
}

function EmptyRecords({
  type,
  narrowed,
  firstPage,
  canWrite,
  onClear,
  onImport,
}: {
  type: TypeSummary;
  narrowed: boolean;
  firstPage: boolean;
  canWrite: boolean;
  onClear: () => void;
  onImport: () => void;
}) {
  const { portalId } = useDataContext();
  const plural = type.label.plural.toLowerCase();
  if (!firstPage) return <div className="dt-table-empty">No more {plural}.</div>;
  if (narrowed) {
    return (
      <div className="dt-table-empty">
        <h2>No {plural} match</h2>
        <p>Change the search or the filters to see more.</p>
        <button type="button" className="btn" onClick={onClear}>
          <X aria-hidden="true" />
          Clear search and filters
        </button>
      </div>
    );
  }
  return (
    <div className="dt-table-empty">
      <h2>No {plural} yet</h2>
      <p>{canWrite ? `Create the first one, or import them from a CSV or JSON file.` : `Owners and admins add ${plural} here.`}</p>
      {canWrite ? (
        <div className="dt-table-empty__actions">
          <a className="btn btn--primary" href={dataHref(portalId, { view: 'records', type: type.key, record: 'new' })} onClick={onLinkClick}>
            <Plus aria-hidden="true" />
            New {type.label.singular.toLowerCase()}
          </a>
          <button type="button" className="btn" onClick={onImport}>
            <Upload aria-hidden="true" />
            Import
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** "Export" opens two links (CSV, JSON): a disclosure, closed by Escape or a click elsewhere. */
function ExportMenu({ csv, json }: { csv: string; json: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <div
      ref={root}
      className="dt-popover-root"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button type="button" className="btn" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <Download aria-hidden="true" />
        Export
      </button>
      {open ? (
        <div id={id} className="sh-menu dt-popover">
          <a className="sh-menu__item" href={csv} download onClick={() => setOpen(false)}>
            CSV <span className="dt-popover__hint">for spreadsheets</span>
          </a>
          <a className="sh-menu__item" href={json} download onClick={() => setOpen(false)}>
            JSON <span className="dt-popover__hint">for other systems</span>
          </a>
        </div>
      ) : null}
    </div>
  );
}
