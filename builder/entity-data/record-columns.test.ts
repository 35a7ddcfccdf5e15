import { describe, expect, it } from 'vitest';
import { entityTypeSchema } from '../../core';
import { linkedIds, nextSort, pickColumns } from './record-columns';

const type = entityTypeSchema.parse({
  key: 'ticket',
  label: { singular: 'Ticket', plural: 'Tickets' },
  titleField: 'subject',
  fields: [
    { key: 'body', label: 'Body', type: 'longText' },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'subject', label: 'Subject', type: 'text' },
    { key: 'watchers', label: 'Watchers', type: 'relations', target: 'contact' },
    { key: 'owner', label: 'Owner', type: 'relation', target: 'contact' },
    { key: 'a', label: 'A', type: 'number' },
    { key: 'b', label: 'B', type: 'number' },
  ],
});

describe('record columns', () => {
  it('puts the title first and leaves long texts out', () => {
    expect(pickColumns(type).map((f) => f.key)).toEqual(['subject', 'account', 'watchers', 'owner', 'a', 'b']);
    expect(pickColumns(type, 2).map((f) => f.key)).toEqual(['subject', 'account']);
  });

  it('cycles the sort of a column', () => {
    expect(nextSort(null, 'a')).toEqual({ field: 'a', dir: 'asc' });
    expect(nextSort({ field: 'a', dir: 'asc' }, 'a')).toEqual({ field: 'a', dir: 'desc' });
    expect(nextSort({ field: 'a', dir: 'desc' }, 'a')).toBeNull();
    expect(nextSort({ field: 'a', dir: 'desc' }, 'b')).toEqual({ field: 'b', dir: 'asc' });
  });

  it('collects linked ids per target type', () => {
    const rows = [{ data: { account: 'r_a1', watchers: ['r_c2', 'r_c1'], owner: 'r_c1' } }, { data: { account: 'r_a1' } }, { data: {} }];
    expect(Object.fromEntries(linkedIds(pickColumns(type), rows))).toEqual({ account: ['r_a1'], contact: ['r_c1', 'r_c2'] });
  });
});
