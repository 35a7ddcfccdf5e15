// Services: the builder's sample, services with their price and dates, the cancellation request only
// for active services and only with services.cancel, and the strict input.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { cancelInput, services } from '.';

const f = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });
const STATUS = f('status', 'Status', 'enum', { options: [{ value: 'active', label: 'Active' }, { value: 'cancellation-requested', label: 'Cancellation requested' }] });
const list = (items: ListResult['items']): ListResult => ({
  kind: 'list',
  entityType: 'service',
  label: { singular: 'Service', plural: 'Services' },
  fields: [f('name', 'Name', 'text'), STATUS, f('startDate', 'Start date', 'date'), f('endDate', 'End date', 'date'), f('monthlyPrice', 'Monthly price', 'money')],
  items,
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
});
const active = { id: 's1', title: 'Smart meter insights', data: { name: 'Smart meter insights', status: 'active', startDate: '2025-04-01', monthlyPrice: { amount: 4.9, currency: 'EUR' } }, updatedAt: '', revision: 1 };
const ending = { id: 's2', title: 'Heat pump care', data: { name: 'Heat pump care', status: 'cancellation-requested', startDate: '2024-10-01', endDate: '2026-06-30' }, updatedAt: '', revision: 2 };
const render = (d: unknown, can: Record<string, boolean> = {}, ctx = testContext()) => renderToString(<services.Render id="b_svc" props={services.props.parse({})} slots={{}} data={d} can={can} ctx={ctx} />);

describe('services block', () => {
  it('shows a sample in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('Services (sample)');
    expect(html).toContain('Request cancellation');
  });

  it('shows name, status, since and the monthly price', () => {
    const html = render(list([active, ending]), { cancel: true });
    for (const s of ['Smart meter insights', 'Since Apr 1, 2025', '€4.90', '/ month', 'Cancellation requested', 'Ends on Jun 30, 2026']) expect(html).toContain(s);
  });

  it('offers a cancellation for active services only, with services.cancel', () => {
    expect(render(list([active, ending]), { cancel: true }).match(/Request cancellation/g)).toHaveLength(1);
    expect(render(list([active]), {})).not.toContain('<button');
  });

  it('needs a reason and a real end date, nothing else', () => {
    expect(cancelInput.safeParse({ serviceId: 's1', reason: 'Moving', endDate: '2030-01-31' }).success).toBe(true);
    expect(cancelInput.safeParse({ serviceId: 's1', reason: '', endDate: '2030-01-31' }).success).toBe(false);
    expect(cancelInput.safeParse({ serviceId: 's1', reason: 'Moving', endDate: '2030-02-30' }).success).toBe(false);
    expect(cancelInput.safeParse({ serviceId: 's1', reason: 'Moving', endDate: '31.01.2030' }).success).toBe(false);
    expect(cancelInput.safeParse({ serviceId: 's1', reason: 'Moving', endDate: '2030-01-31', status: 'cancelled' }).success).toBe(false);
    expect(services.actions!.cancel!.requires!(services.props.parse({}))).toContainEqual({ action: 'services.cancel' });
    expect(services.data!(services.props.parse({}))).toMatchObject({ filters: [{ field: 'status', op: 'in', value: ['active', 'cancellation-requested'] }] });
  });
});
