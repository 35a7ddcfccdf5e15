// Table block: builder sample, server-rendered rows with links, accessible headers and sort state,
// calm states for missing data and configuration errors, columns the loader left out stay out,
// and the pure pieces (filters from props, sort toggling, paging) behave.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { appendPage, detailHref, nextSort, toFilters } from './list-kit';
import { listOf, row } from './test-data';
import { entityTable } from '.';

const props = (input: Record<string, unknown> = {}) =>
  entityTable.props.parse({
    columns: [{ field: 'number', label: 'Contract' }, { field: 'status' }, { field: 'monthlyAmount' }, { field: 'meterPoint' }],
    detailPath: '/contracts/:id',
    ...input,
  });
const render = (data: unknown, input: Record<string, unknown> = {}, ctx = testContext()) =>
  renderToString(<entityTable.Render id="b_table" props={props(input)} slots={{}} data={data} ctx={ctx} />);

describe('entity table', () => {
  it('shows a sample with the configured headings in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('pd-sample');
    expect(html).toContain('Table of contract records');
    expect(html).toContain('>Contract<');
    expect(html).toContain('>Monthly amount<');
  });

  it('renders rows with links to the record page, formatted values and accessible headers', () => {
    const html = render(listOf(), {}, testContext({ locale: 'en' }));
    expect(html).toContain('<caption class="pb-sr-only">Contracts</caption>');
    expect(html).toContain('href="/p/customer/contracts/r_c1"');
    expect(html).toContain('>C-1001</a>');
    expect(html).toMatch(/<th scope="col"[^>]*>.*Contract/);
    expect(html).toContain('€84.50');
    expect(html).toContain('MP-77');
    expect(html).toContain('pd-badge--ok');
    expect(html).toContain('data-label="Status"');
    // Sortable field types get a button; links (sorted by id) are not offered.
    expect(html.match(/class="pb-dv-sort"/g)?.length).toBe(3);
    expect(html).toMatch(/<th scope="col" role="columnheader">Meter point<\/th>/);
  });

  it('marks the sorted column with aria-sort', () => {
    const html = render(listOf(null, undefined, { sort: [{ field: 'monthlyAmount', dir: 'desc' }] }));
    expect(html).toMatch(/aria-sort="descending"[^>]*>.*?Monthly amount/);
    expect(html.match(/aria-sort=/g)?.length).toBe(1);
  });

  it('has no sort buttons when sorting is off, and a search box when on', () => {
    const html = render(listOf(), { sortable: false, search: true });
    expect(html).not.toContain('pb-dv-sort"');
    expect(html).toContain('role="search"');
    expect(html).toContain('Search contracts');
  });

  it('offers "Load more" when there is a next page', () => {
    expect(render(listOf(null, undefined, { nextCursor: 'abc' }))).toContain('Load more contracts');
    expect(render(listOf())).not.toContain('Load more');
  });

  it('leaves out columns the loader omitted (fields the role may not read)', () => {
    const html = render(listOf(['number', 'status']));
    expect(html).not.toContain('Monthly amount');
    expect(html).not.toContain('€84.50');
    expect(html).not.toContain('MP-77');
    expect(html).toContain('C-1001');
  });

  it('links the title when the first column cannot be read', () => {
    const html = render(listOf(['status']));
    expect(html).toContain('href="/p/customer/contracts/r_c1"');
    expect(html).toContain('>Active</a>');
  });

  it('shows the empty text, a search miss, null data and a configuration error calmly', () => {
    expect(render(listOf(null, []), { emptyText: 'No contracts yet.' })).toContain('No contracts yet.');
    expect(render(listOf(null, [], { search: 'xyz' }))).toContain('No contracts match “xyz”.');
    expect(render(null)).toContain('This table is not available.');
    const html = render({ kind: 'error', message: 'This block cannot show its data: "Contract" has no field "nope"' });
    expect(html).toContain('has no field');
    expect(html).toContain('pd-message--error');
  });

  it('asks for the data it shows: columns, sort, filters, search', () => {
    const req = entityTable.data!(props({ sortField: 'startDate', sortDir: 'desc', search: true, filters: [{ field: 'status', op: 'is', value: 'active' }] }));
    expect(req).toEqual({
      kind: 'list',
      entityType: 'contract',
      fields: ['number', 'status', 'monthlyAmount', 'meterPoint'],
      limit: 10,
      sort: [{ field: 'startDate', dir: 'desc' }],
      filters: [{ field: 'status', op: 'eq', value: 'active' }],
      sortable: ['number', 'status', 'monthlyAmount', 'meterPoint'],
      search: true,
    });
    expect(entityTable.requires!(props())).toEqual([{ entity: 'contract', op: 'read' }]);
    expect(entityTable.data!(props({ sortable: false, columns: [{ field: '' }] }))).toBeNull();
  });

  it('validates its props', () => {
    expect(entityTable.props.safeParse({ columns: [] }).success).toBe(false);
    expect(entityTable.props.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(entityTable.props.safeParse({ detailPath: 'javascript:alert(1)' }).success).toBe(false);
    expect(entityTable.props.safeParse({ columns: [{ field: 'Bad Key' }] }).success).toBe(false);
  });
});

describe('list kit', () => {
  it('converts preset filters by "compare as"', () => {
    expect(
      toFilters([
        { field: 'status', op: 'is-one-of', value: 'active, pending', as: 'text' },
        { field: 'monthlyAmount', op: 'at-least', value: '50', as: 'number' },
        { field: 'visible', op: 'is', value: 'yes', as: 'yes-no' },
        { field: 'endDate', op: 'is-empty', value: '', as: 'text' },
        { field: 'signed', op: 'is-not-empty', value: '', as: 'text' },
        { field: '', op: 'is', value: 'ignored', as: 'text' },
      ]),
    ).toEqual([
      { field: 'status', op: 'in', value: ['active', 'pending'] },
      { field: 'monthlyAmount', op: 'gte', value: 50 },
      { field: 'visible', op: 'eq', value: true },
      { field: 'endDate', op: 'isNull', value: true },
      { field: 'signed', op: 'isNull', value: false },
    ]);
    // Not a number: kept as NaN, which the server refuses with the field named.
    expect(Number.isNaN(toFilters([{ field: 'monthlyAmount', op: 'is', value: 'abc', as: 'number' }])[0]!.value)).toBe(true);
  });

  it('builds record links only for portal pages', () => {
    const ctx = testContext();
    expect(detailHref(ctx, '/contracts/:id', 'r/1')).toBe('/p/customer/contracts/r%2F1');
    expect(detailHref(ctx, '', 'r1')).toBeNull();
    expect(detailHref(ctx, 'https://example.com/:id', 'r1')).toBeNull();
  });

  it('toggles the sort direction and appends pages without repeats', () => {
    expect(nextSort(undefined, 'number')).toEqual({ field: 'number', dir: 'asc' });
    expect(nextSort({ field: 'number', dir: 'asc' }, 'number')).toEqual({ field: 'number', dir: 'desc' });
    expect(nextSort({ field: 'number', dir: 'desc' }, 'number')).toEqual({ field: 'number', dir: 'asc' });
    expect(nextSort({ field: 'number', dir: 'desc' }, 'status')).toEqual({ field: 'status', dir: 'asc' });
    const first = listOf(null, [row('a', { number: 'A' })], { nextCursor: 'c1' });
    const second = listOf(null, [row('a', { number: 'A' }), row('b', { number: 'B' })], { nextCursor: null, titles: { x: 'X' } });
    const merged = appendPage(first, second);
    expect(merged.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(merged.nextCursor).toBeNull();
    expect(merged.titles).toMatchObject({ r_m1: 'MP-77', x: 'X' });
  });
});
