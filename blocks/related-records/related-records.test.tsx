// Related records block: builder sample, a table of the linked records, calm states, omitted fields.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { listOf } from '../entity-table/test-data';
import { relatedRecords } from '.';

const props = (input: Record<string, unknown> = {}) =>
  relatedRecords.props.parse({ heading: 'Contracts of this meter', entityType: 'contract', relationField: 'meterPoint', columns: [{ field: 'number' }, { field: 'monthlyAmount' }], ...input });
const render = (data: unknown, input: Record<string, unknown> = {}, ctx = testContext({ params: { id: 'r_m1' } })) =>
  renderToString(<relatedRecords.Render id="b_rel" props={props(input)} slots={{}} data={data} ctx={ctx} />);

describe('related records', () => {
  it('shows a sample in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('pd-sample');
    expect(html).toContain('“meter point” field');
    expect(html).toContain('Contracts of this meter');
  });

  it('renders the linked records as a table under its heading', () => {
    const html = render(listOf(null, undefined, { nextCursor: 'n' }), { detailPath: '/contracts/:id' });
    expect(html).toContain('<h2 id="b_rel-heading"');
    expect(html).toContain('<caption class="pb-sr-only">Contracts of this meter</caption>');
    expect(html).toContain('href="/p/customer/contracts/r_c2"');
    expect(html).toContain('€84.50');
    expect(html).not.toContain('pb-dv-sort"');
    expect(html).toContain('Load more contracts');
  });

  it('leaves out fields the loader omitted; empty, null and error states', () => {
    expect(render(listOf(['number']))).not.toContain('€84.50');
    expect(render(listOf(null, []), { emptyText: 'No contracts for this meter.' })).toContain('No contracts for this meter.');
    expect(render(null, { emptyText: 'Nothing linked.' })).toContain('Nothing linked.');
    expect(render({ kind: 'error', message: 'no field "meterPoint"' })).toContain('no field &quot;meterPoint&quot;');
  });

  it('asks for records whose relation points at the page record', () => {
    expect(relatedRecords.data!(props({ sortField: 'number' }))).toEqual({
      kind: 'list',
      entityType: 'contract',
      fields: ['number', 'monthlyAmount'],
      limit: 5,
      sort: [{ field: 'number', dir: 'desc' }],
      related: { field: 'meterPoint', param: 'id' },
    });
    expect(relatedRecords.data!(props({ relationField: '' }))).toBeNull();
  });
});
