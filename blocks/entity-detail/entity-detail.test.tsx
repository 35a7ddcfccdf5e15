// Details block: builder sample, sections of readable fields only, the same calm message for a
// missing and an out-of-scope record, the Delete button only when allowed, and its action contract.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { recordOf } from '../entity-table/test-data';
import { entityDetail, NOT_AVAILABLE } from '.';

const props = (input: Record<string, unknown> = {}) =>
  entityDetail.props.parse({
    sections: [
      { title: 'Contract', fields: ['number', 'status', 'monthlyAmount', 'signed'] },
      { title: 'Supply', fields: ['deliveryAddress', 'meterPoint'] },
    ],
    ...input,
  });
const render = (data: unknown, input: Record<string, unknown> = {}, can: Record<string, boolean> = {}, ctx = testContext({ params: { id: 'r_c1' } })) =>
  renderToString(<entityDetail.Render id="b_detail" props={props(input)} slots={{}} data={data} can={can} ctx={ctx} />);

describe('entity detail', () => {
  it('shows a sample with its sections in the builder', () => {
    const html = render(undefined, {}, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('pd-sample');
    expect(html).toContain('>Supply<');
    expect(html).toContain('Delivery address');
  });

  it('renders the record in sections with a back link', () => {
    const html = render(recordOf());
    expect(html).toContain('>C-1001</h2>');
    expect(html).toContain('href="/p/customer/contracts"');
    expect(html).toContain('All contracts');
    expect(html).toContain('<dt>Monthly amount</dt>');
    expect(html).toContain('1 Grid Street');
    expect(html).toContain('MP-77');
    // The file links to the portal's download route, with its size.
    expect(html).toContain('href="/p/customer/_files/r_c1/signed"');
    expect(html).toContain('47 KB');
  });

  it('leaves out fields the loader omitted, and sections left empty', () => {
    const html = render(recordOf(['number', 'status']));
    expect(html).not.toContain('Monthly amount');
    expect(html).not.toContain('€84.50');
    expect(html).not.toContain('>Supply<');
    expect(html).not.toContain('1 Grid Street');
  });

  it('says the same for a missing record and for null data', () => {
    expect(render(recordOf(null, null))).toContain(NOT_AVAILABLE);
    expect(render(null)).toContain(NOT_AVAILABLE);
    expect(render(recordOf(null, null))).not.toContain('C-1001');
  });

  it('shows a configuration error', () => {
    expect(render({ kind: 'error', message: 'This block cannot show its data: no such field' })).toContain('no such field');
  });

  it('offers Delete only when enabled and allowed', () => {
    expect(render(recordOf(), { allowDelete: true }, { delete: true })).toContain('>Delete</button>');
    expect(render(recordOf(), { allowDelete: true }, { delete: false })).not.toContain('>Delete</button>');
    expect(render(recordOf(), { allowDelete: false }, { delete: true })).not.toContain('>Delete</button>');
  });

  it('asks for the sections’ fields and declares a strict delete action', () => {
    expect(entityDetail.data!(props())).toEqual({ kind: 'record', entityType: 'contract', fields: ['number', 'status', 'monthlyAmount', 'signed', 'deliveryAddress', 'meterPoint'], param: 'id' });
    const del = entityDetail.actions!.delete!;
    expect(del.requires!(props())).toEqual([{ entity: 'contract', op: 'delete' }]);
    expect(del.input.safeParse({ confirm: true }).success).toBe(true);
    expect(del.input.safeParse({ confirm: false }).success).toBe(false);
    expect(del.input.safeParse({ confirm: true, id: 'r_other' }).success).toBe(false);
  });
});
