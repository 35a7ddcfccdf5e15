// Offers: the builder's sample, offers with their facts, accept / reject only for open offers and
// only where the viewer may, the data request's status filter, and the strict action inputs.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { acceptInput, offers, rejectInput } from '.';

const f = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });
const list = (items: ListResult['items'], fields?: FieldInfo[]): ListResult => ({
  kind: 'list',
  entityType: 'offer',
  label: { singular: 'Offer', plural: 'Offers' },
  fields: fields ?? [
    f('title', 'Title', 'text'),
    f('number', 'Offer number', 'text'),
    f('amount', 'Amount', 'money'),
    f('validUntil', 'Valid until', 'date'),
    f('status', 'Status', 'enum', { options: [{ value: 'open', label: 'Open' }, { value: 'accepted', label: 'Accepted' }, { value: 'rejected', label: 'Rejected' }] }),
    f('description', 'Description', 'longText'),
    f('rejectionReason', 'Reason for rejecting', 'longText'),
    f('decidedAt', 'Decided on', 'datetime'),
  ],
  items,
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
});
const open = { id: 'r_open', title: 'Solar roof', data: { title: 'Solar roof', number: 'OF-1', amount: { amount: 12480, currency: 'EUR' }, validUntil: '2026-06-30', status: 'open', description: 'Panels and inverter.' }, updatedAt: '', revision: 1 };
const rejected = { id: 'r_rej', title: 'Gas flex', data: { title: 'Gas flex', status: 'rejected', rejectionReason: 'Too expensive', decidedAt: '2026-02-03T10:00:00.000Z' }, updatedAt: '', revision: 2 };

const render = (data: unknown, can: Record<string, boolean> = {}, ctx = testContext(), props: unknown = {}) =>
  renderToString(<offers.Render id="b_offers" props={offers.props.parse(props)} slots={{}} data={data} can={can} ctx={ctx} />);

describe('offers block', () => {
  it('shows a sample in the builder, with its actions', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('Offers (sample)');
    expect(html).toContain('Solar panels for your roof');
    expect(html).toContain('Accept offer');
  });

  it('shows each offer’s title, number, amount, validity, status and description', () => {
    const html = render(list([open, rejected]), { accept: true, reject: true });
    expect(html).toContain('Solar roof');
    expect(html).toContain('Offer number OF-1');
    expect(html).toContain('€12,480.00');
    expect(html).toContain('Jun 30, 2026');
    expect(html).toContain('pd-badge--info');
    expect(html).toContain('Panels and inverter.');
    expect(html).toContain('Too expensive');
    expect(html).toContain('Feb 3, 2026');
  });

  it('offers accept and reject for open offers only, and only what the role allows', () => {
    const both = render(list([open, rejected]), { accept: true, reject: true });
    expect(both.match(/Accept offer/g)).toHaveLength(1);
    expect(both.match(/>Reject</g)).toHaveLength(1);
    const acceptOnly = render(list([open]), { accept: true, reject: false });
    expect(acceptOnly).toContain('Accept offer');
    expect(acceptOnly).not.toContain('>Reject<');
    const none = render(list([open]), {});
    expect(none).not.toContain('<button');
    expect(render(list([rejected]), { accept: true, reject: true })).not.toContain('<button');
  });

  it('says calmly when there is nothing, or the data is unavailable', () => {
    expect(render(list([]), {}, testContext(), { emptyText: 'No offers for you.' })).toContain('No offers for you.');
    expect(render(null)).toContain('Offers are not available here.');
    expect(render({ kind: 'error', message: 'This block cannot show its data: no field "status".' })).toContain('no field');
    expect(render(undefined)).toContain('class="pb-offers"');
  });

  it('asks for read on the type, filters by the chosen statuses, and needs the named actions', () => {
    const props = offers.props.parse({ statuses: ['open'] });
    expect(offers.requires!(props)).toEqual([{ entity: 'offer', op: 'read' }]);
    expect(offers.data!(props)).toMatchObject({ kind: 'list', entityType: 'offer', filters: [{ field: 'status', op: 'in', value: ['open'] }] });
    expect(offers.data!(offers.props.parse({ statuses: [] }))).not.toHaveProperty('filters');
    expect(offers.actions!.accept!.requires!(props)).toContainEqual({ action: 'offers.accept' });
    expect(offers.actions!.reject!.requires!(props)).toContainEqual({ action: 'offers.reject' });
  });

  it('takes an offer id only; a rejection needs a reason of at most 2000 characters', () => {
    expect(acceptInput.safeParse({ offerId: 'r_1' }).success).toBe(true);
    expect(acceptInput.safeParse({ offerId: 'r_1', status: 'accepted' }).success).toBe(false);
    expect(rejectInput.safeParse({ offerId: 'r_1' }).success).toBe(false);
    expect(rejectInput.safeParse({ offerId: 'r_1', reason: '   ' }).success).toBe(false);
    expect(rejectInput.safeParse({ offerId: 'r_1', reason: 'x'.repeat(2001) }).success).toBe(false);
    expect(rejectInput.parse({ offerId: 'r_1', reason: ' Too expensive ' }).reason).toBe('Too expensive');
  });
});
