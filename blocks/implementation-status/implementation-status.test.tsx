// Implementation status: orders with an accessible progress bar and a link to their steps; one
// order's steps as a stepper in order of position; one list request per mode.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { implementationStatus } from '.';

const f = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });
const base = { nextCursor: null, sort: [], search: '' };
const orders: ListResult = {
  kind: 'list',
  entityType: 'order',
  label: { singular: 'Order', plural: 'Orders' },
  fields: [f('number', 'Order number', 'text'), f('name', 'Name', 'text'), f('status', 'Status', 'enum', { options: [{ value: 'in-progress', label: 'In progress' }] }), f('progress', 'Progress', 'number'), f('requestedAt', 'Ordered on', 'datetime')],
  items: [{ id: 'o1', title: 'ORD-1', data: { number: 'ORD-1', name: 'Wallbox installation', status: 'in-progress', progress: 140, requestedAt: '2026-03-02T09:00:00.000Z' }, updatedAt: '', revision: 1 }],
  titles: {},
  ...base,
};
const steps: ListResult = {
  kind: 'list',
  entityType: 'order_step',
  label: { singular: 'Order step', plural: 'Order steps' },
  fields: [f('name', 'Step', 'text'), f('position', 'Position', 'number'), f('status', 'Status', 'enum', { options: [{ value: 'pending', label: 'Pending' }, { value: 'current', label: 'In progress' }, { value: 'done', label: 'Done' }] }), f('dueDate', 'Due on', 'date'), f('completedAt', 'Completed on', 'date'), f('order', 'Order', 'relation', { target: 'order' })],
  items: [
    { id: 's3', title: 'Installation', data: { name: 'Installation', position: 3, status: 'pending', dueDate: '2026-04-10', order: 'o1' }, updatedAt: '', revision: 1 },
    { id: 's1', title: 'Request received', data: { name: 'Request received', position: 1, status: 'done', completedAt: '2026-03-02', order: 'o1' }, updatedAt: '', revision: 1 },
    { id: 's2', title: 'Planning', data: { name: 'Planning', position: 2, status: 'current', order: 'o1' }, updatedAt: '', revision: 1 },
  ],
  titles: { o1: 'ORD-1' },
  ...base,
};
const render = (props: unknown, d: unknown, ctx = testContext()) => renderToString(<implementationStatus.Render id="b_impl" props={implementationStatus.props.parse(props)} slots={{}} data={d} ctx={ctx} />);

describe('implementation status block', () => {
  it('shows samples in the builder for both modes', () => {
    expect(render({}, undefined, testContext({ mode: 'builder' }))).toContain('Orders and their progress (sample)');
    expect(render({ mode: 'order' }, undefined, testContext({ mode: 'builder' }))).toContain('Order steps (sample)');
  });

  it('lists orders with a progress bar (clamped), status and a link to the steps', () => {
    const html = render({}, orders);
    expect(html).toContain('Wallbox installation');
    expect(html).toContain('ORD-1');
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="100"');
    expect(html).toContain('In progress');
    expect(html).toContain('href="/p/customer/orders/o1"');
    expect(render({ detailPath: '' }, orders)).not.toContain('View progress');
  });

  it('shows one order’s steps in order of position: done, current, pending', () => {
    const html = render({ mode: 'order' }, steps, testContext({ params: { id: 'o1' } }));
    expect(html.indexOf('Request received')).toBeLessThan(html.indexOf('Planning'));
    expect(html.indexOf('Planning')).toBeLessThan(html.indexOf('Installation'));
    expect(html).toContain('pb-impl__step--done');
    expect(html).toMatch(/pb-impl__step--current" aria-current="step"/);
    expect(html).toContain('Order ORD-1');
    expect(html).toContain('1 of 3 steps done');
    expect(html).toContain('aria-valuenow="33"');
    expect(html).toContain('Completed on Mar 2, 2026');
    expect(html).toContain('Due on Apr 10, 2026');
  });

  it('says calmly when an order has no steps or is not available', () => {
    expect(render({ mode: 'order' }, { ...steps, items: [] })).toContain('not available to you');
    expect(render({ mode: 'order' }, null)).toContain('This order is not available.');
    expect(render({}, { ...orders, items: [] })).toContain('You have no orders in progress.');
  });

  it('requests the orders, or the steps related to the page’s order', () => {
    const list = implementationStatus.props.parse({});
    expect(implementationStatus.requires!(list)).toEqual([{ entity: 'order', op: 'read' }]);
    expect(implementationStatus.data!(list)).toMatchObject({ kind: 'list', entityType: 'order' });
    const one = implementationStatus.props.parse({ mode: 'order', param: 'orderId' });
    expect(implementationStatus.requires!(one)).toEqual([{ entity: 'order_step', op: 'read' }]);
    expect(implementationStatus.data!(one)).toMatchObject({ kind: 'list', entityType: 'order_step', related: { field: 'order', param: 'orderId' }, sort: [{ field: 'position', dir: 'asc' }] });
  });
});
