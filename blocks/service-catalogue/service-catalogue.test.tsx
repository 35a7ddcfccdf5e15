// Service catalogue: the visible-only filter no configuration removes, cards with price and billing,
// kind chips, Request only with services.request, and the strict input.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { requestInput, serviceCatalogue, VISIBLE_ONLY } from '.';

const f = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });
const list = (items: ListResult['items']): ListResult => ({
  kind: 'list',
  entityType: 'catalogue_item',
  label: { singular: 'Catalogue item', plural: 'Catalogue items' },
  fields: [
    f('name', 'Name', 'text'),
    f('kind', 'Kind', 'enum', { options: [{ value: 'item', label: 'Item' }, { value: 'plan', label: 'Plan' }, { value: 'bundle', label: 'Bundle' }] }),
    f('description', 'Description', 'longText'),
    f('price', 'Price', 'money'),
    f('billing', 'Billing', 'enum', { options: [{ value: 'once', label: 'One-off' }, { value: 'monthly', label: 'Monthly' }] }),
  ],
  items,
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
});
const wallbox = { id: 'c1', title: 'Wallbox', data: { name: 'Wallbox', kind: 'item', price: { amount: 1290, currency: 'EUR' }, billing: 'once', description: '11 kW' }, updatedAt: '', revision: 1 };
const care = { id: 'c2', title: 'Heat pump care', data: { name: 'Heat pump care', kind: 'plan', price: { amount: 14.5, currency: 'EUR' }, billing: 'monthly' }, updatedAt: '', revision: 1 };
const render = (d: unknown, can: Record<string, boolean> = {}, ctx = testContext(), props: unknown = {}) =>
  renderToString(<serviceCatalogue.Render id="b_cat" props={serviceCatalogue.props.parse(props)} slots={{}} data={d} can={can} ctx={ctx} />);

describe('service catalogue block', () => {
  it('always lists visible items only, whatever kinds are configured', () => {
    for (const kinds of [[], ['plan'], ['item', 'plan', 'bundle']]) {
      const request = serviceCatalogue.data!(serviceCatalogue.props.parse({ kinds }));
      expect(request).toMatchObject({ kind: 'list', entityType: 'catalogue_item' });
      expect(request && 'filters' in request ? request.filters : []).toContainEqual(VISIBLE_ONLY);
    }
    expect(serviceCatalogue.data!(serviceCatalogue.props.parse({ kinds: ['plan'] }))).toMatchObject({ filters: [VISIBLE_ONLY, { field: 'kind', op: 'in', value: ['plan'] }] });
  });

  it('shows a sample in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('Service catalogue (sample)');
    expect(html).toContain('Wallbox installation');
  });

  it('shows kind, name, description, price and billing, with kind filters', () => {
    const html = render(list([wallbox, care]), { request: true });
    for (const s of ['Wallbox', '11 kW', '€1,290.00', 'one-off', '€14.50', '/ month', 'aria-pressed="true"', '>Plan<']) expect(html).toContain(s);
    expect(render(list([wallbox, care]), {}, testContext(), { kindFilter: false })).not.toContain('aria-pressed');
  });

  it('offers Request only with services.request', () => {
    expect(render(list([wallbox, care]), { request: true }).match(/>Request<span/g)).toHaveLength(2);
    expect(render(list([wallbox]), {})).not.toContain('>Request<');
    expect(render(list([]))).toContain('There is nothing to order at the moment.');
  });

  it('takes the item and optional notes only', () => {
    expect(requestInput.safeParse({ itemId: 'c1' }).success).toBe(true);
    expect(requestInput.safeParse({ itemId: 'c1', notes: 'Mornings please' }).success).toBe(true);
    expect(requestInput.safeParse({ itemId: 'c1', notes: 'x'.repeat(2001) }).success).toBe(false);
    expect(requestInput.safeParse({ itemId: 'c1', price: 1 }).success).toBe(false);
    expect(serviceCatalogue.props.safeParse({ successPath: 'javascript:alert(1)' }).success).toBe(false);
    expect(serviceCatalogue.props.safeParse({ steps: [] }).success).toBe(false);
  });
});
