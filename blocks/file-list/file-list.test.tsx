// File list block: builder sample, download links to the portal file route with name, size and
// record, only file fields the loader returned, one record or a list, calm states.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { listOf, recordOf, row } from '../entity-table/test-data';
import { fileList } from '.';

const props = (input: Record<string, unknown> = {}) => fileList.props.parse({ entityType: 'contract', fileFields: ['signed'], heading: 'Documents', ...input });
const render = (data: unknown, input: Record<string, unknown> = {}, ctx = testContext()) =>
  renderToString(<fileList.Render id="b_doc" props={props(input)} slots={{}} data={data} ctx={ctx} />);

describe('file list', () => {
  it('shows a sample in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('pd-sample');
    expect(html).toContain('signed');
  });

  it('lists the files of the records with download links, size and record title', () => {
    const html = render(listOf(null, [...listOf().items, row('r_c3', { number: 'C-1003', signed: { id: 'f_3', name: 'scan.png', mime: 'image/png', bytes: 900 } })]));
    expect(html).toContain('href="/p/customer/_files/r_c1/signed"');
    expect(html).toContain('C-1001 signed.pdf');
    expect(html).toContain('PDF, 47 KB');
    expect(html).toContain('C-1001 · Signed copy');
    expect(html).toContain('href="/p/customer/_files/r_c3/signed"');
    expect(html).toContain('PNG image, 900 B');
    // A record without a file has no entry.
    expect(html).not.toContain('C-1002');
  });

  it('uses the title field when set', () => {
    expect(render(listOf(), { titleField: 'product' })).toContain('Green Power 12 · Signed copy');
  });

  it('shows one record’s files on a record page', () => {
    const html = render(recordOf(), { param: 'id' });
    expect(html).toContain('C-1001 signed.pdf');
    expect(html).not.toContain('Load more');
  });

  it('shows nothing of a file field the loader omitted; empty, null and error states', () => {
    expect(render(listOf(['number']), { emptyText: 'No documents.' })).toContain('No documents.');
    expect(render(listOf(['number']))).not.toContain('_files');
    expect(render(null, { emptyText: 'No documents.' })).toContain('No documents.');
    expect(render(recordOf(null, null), { param: 'id', emptyText: 'No documents.' })).toContain('No documents.');
    expect(render({ kind: 'error', message: 'no file field' })).toContain('no file field');
  });

  it('asks for records with a file, or the page’s record', () => {
    expect(fileList.data!(props())).toEqual({
      kind: 'list',
      entityType: 'contract',
      fields: ['signed'],
      limit: 20,
      sort: [{ field: 'updatedAt', dir: 'desc' }],
      filters: [{ field: 'signed', op: 'isNull', value: false }],
    });
    expect(fileList.data!(props({ param: 'id', titleField: 'number' }))).toEqual({ kind: 'record', entityType: 'contract', fields: ['signed', 'number'], param: 'id' });
    expect(fileList.data!(props({ fileFields: ['signed', 'photo'] }))).not.toHaveProperty('filters');
    expect(fileList.data!(props({ fileFields: [] }))).toBeNull();
  });
});
