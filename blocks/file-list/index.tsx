// File list: downloads of the file fields a viewer may read. On a record's page (with a route
// parameter) the files of that record; elsewhere the files of the records in the viewer's scope,
// most recently changed first. Links go to `{portal}/_files/:recordId/:field`, which checks the
// scope and field access again (server/http/portal-files.ts).
import { z } from 'zod';
import type { FieldInfo, RecordRow } from '../../core';
import { BuilderSample, EmptyState, fileHref, formatBytes, formatValue } from '../_lib/data-kit';
import { defineBlock, type RenderContext } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import {
  DataErrorNote,
  DataView,
  entityTypeProp,
  fieldListProp,
  fieldProp,
  humanize,
  isDataError,
  isList,
  isRecord,
  keysOf,
  ListStatus,
  LoadError,
  LoadMore,
  pageSizeProp,
  useListView,
} from '../entity-table/list-kit';

export const fileListProps = z
  .object({
    heading: z.string().trim().max(80).default('Documents').meta({ label: 'Heading' }),
    entityType: entityTypeProp('invoice'),
    fileFields: fieldListProp('File fields', ['document'], 'The file fields whose files are listed. Fields a viewer may not read are left out for them.', 10),
    titleField: fieldProp('Record name from', 'A field naming the record next to each file. Empty: the record’s title.').default(''),
    param: z
      .string()
      .trim()
      .refine((v) => v === '' || /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(v), 'the name of a parameter in the page’s address, like id for /contracts/:id')
      .default('')
      .meta({ label: 'Only the page’s record', help: 'On a record’s page: the parameter holding its id (id for /contracts/:id). Empty: files of all the viewer’s records.' }),
    pageSize: pageSizeProp(20),
    emptyText: z.string().trim().max(200).default('No documents yet.').meta({ label: 'Text when empty' }),
  })
  .strict();

type StoredFile = { id: string; name: string; bytes?: number; mime?: string };
const isFile = (v: unknown): v is StoredFile => typeof v === 'object' && v !== null && typeof (v as StoredFile).id === 'string' && typeof (v as StoredFile).name === 'string';

type Entry = { row: RecordRow; field: FieldInfo; file: StoredFile };

function entriesOf(rows: readonly RecordRow[], fields: readonly FieldInfo[], wanted: readonly string[]): Entry[] {
  const fileFields = keysOf([...wanted]).map((k) => fields.find((f) => f.key === k && f.type === 'file')).filter((f): f is FieldInfo => !!f);
  const out: Entry[] = [];
  for (const row of rows) for (const field of fileFields) if (isFile(row.data[field.key])) out.push({ row, field, file: row.data[field.key] as StoredFile });
  return out;
}

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'application/zip': 'ZIP archive',
};

function EntryItem({ entry, titleField, titles, ctx }: { entry: Entry; titleField: FieldInfo | undefined; titles: Record<string, string>; ctx: RenderContext }) {
  const { row, field, file } = entry;
  const recordName = (titleField ? formatValue(titleField, row.data[titleField.key], ctx.locale, titles) : '') || row.title;
  const meta = [file.mime ? KIND[file.mime] : undefined, file.bytes ? formatBytes(file.bytes) : undefined].filter(Boolean).join(', ');
  return (
    <li className="pb-file-list__item">
      <span className="pb-file-list__icon" aria-hidden="true">
        <Icon name="file" />
      </span>
      <span className="pb-file-list__main">
        <a className="pb-file-list__name" href={fileHref(ctx, row.id, field.key)} download={file.name}>
          {file.name}
          {meta ? <span className="pb-sr-only">{` (${meta})`}</span> : null}
        </a>
        <span className="pb-file-list__meta">{[recordName, field.label].filter(Boolean).join(' · ')}</span>
      </span>
      {meta ? (
        <span className="pb-file-list__size" aria-hidden="true">
          {meta}
        </span>
      ) : null}
      <span className="pb-file-list__download" aria-hidden="true">
        <Icon name="download" />
      </span>
    </li>
  );
}

export const fileList = defineBlock({
  type: 'file-list',
  label: 'File list',
  description: 'Downloads of the files attached to the viewer’s records.',
  category: 'data',
  icon: 'files',
  props: fileListProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => {
    const files = keysOf(p.fileFields);
    if (!files.length) return null;
    const fields = keysOf([...files, p.titleField]);
    if (p.param) return { kind: 'record', entityType: p.entityType, fields, param: p.param };
    return {
      kind: 'list',
      entityType: p.entityType,
      fields,
      limit: p.pageSize,
      sort: [{ field: 'updatedAt', dir: 'desc' }],
      // With one file field, only records that have a file; with several, records without any are skipped when shown.
      ...(files.length === 1 ? { filters: [{ field: files[0]!, op: 'isNull', value: false }] } : {}),
    };
  },
  Render: function FileList({ id, props, data, ctx }) {
    const view = useListView(id, data, ctx);
    const headingId = `${id}-heading`;
    const heading = props.heading ? (
      <h2 id={headingId} className="pb-file-list__heading">
        {props.heading}
      </h2>
    ) : null;
    if (ctx.mode === 'builder') {
      const fields = keysOf(props.fileFields);
      return (
        <DataView type="file-list">
          {heading}
          <BuilderSample title={`Files of ${humanize(props.entityType).toLowerCase()} records`}>
            {props.param ? `The files of the record in the page’s address (:${props.param})` : 'The files of the signed-in user’s records, newest first'}
            {fields.length ? ` — ${fields.map((f) => humanize(f).toLowerCase()).join(', ')}` : ' — choose a file field'}. Fields a viewer may not read are left out for them.
          </BuilderSample>
          <ul className="pb-file-list__items" aria-hidden="true">
            {['Invoice 2026-03.pdf', 'Invoice 2026-02.pdf'].map((name) => (
              <li key={name} className="pb-file-list__item">
                <span className="pb-file-list__icon">
                  <Icon name="file" />
                </span>
                <span className="pb-file-list__main">
                  <span className="pb-file-list__name">{name}</span>
                  <span className="pb-file-list__meta">Sample</span>
                </span>
                <span className="pb-file-list__size">PDF, 84 KB</span>
              </li>
            ))}
          </ul>
        </DataView>
      );
    }
    if (isDataError(data)) {
      return (
        <DataView type="file-list">
          {heading}
          <DataErrorNote message={data.message} />
        </DataView>
      );
    }
    const list = view.result;
    const rows = list ? list.items : isRecord(data) && data.record ? [data.record] : [];
    const fields = list ? list.fields : isRecord(data) ? data.fields : [];
    const titles = list ? list.titles : isRecord(data) ? data.titles : {};
    const entries = entriesOf(rows, fields, props.fileFields);
    const titleField = props.titleField ? fields.find((f) => f.key === props.titleField) : undefined;
    return (
      <DataView type="file-list">
        {heading}
        {entries.length === 0 ? (
          <EmptyState>{props.emptyText}</EmptyState>
        ) : (
          <ul className="pb-file-list__items" {...(heading ? { 'aria-labelledby': headingId } : { 'aria-label': 'Files' })} aria-busy={view.busy ? true : undefined}>
            {entries.map((e) => (
              <EntryItem key={`${e.row.id}/${e.field.key}`} entry={e} titleField={titleField} titles={titles} ctx={ctx} />
            ))}
          </ul>
        )}
        {isList(data) && list ? (
          <>
            <LoadError message={view.error} />
            <LoadMore view={view} noun="files" />
            <ListStatus view={view} noun={{ singular: 'File', plural: 'Files' }} count={entries.length} />
          </>
        ) : null}
      </DataView>
    );
  },
});
