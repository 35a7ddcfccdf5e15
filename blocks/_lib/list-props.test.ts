// List props fragments: the same defaults, limits and builder meta as the schemas written out by hand.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { choiceFilter, listEmptyText, listHeading, listLimit, newestWithStatus } from './list-props';

const STATUSES = ['open', 'paid', 'overdue'] as const;
const json = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input' });

describe('list props fragments', () => {
  it('match the hand-written schemas', () => {
    expect(json(listHeading('Your invoices'))).toEqual(json(z.string().max(120).default('Your invoices').meta({ label: 'Heading' })));
    expect(json(listEmptyText('None.'))).toEqual(json(z.string().max(200).default('None.').meta({ label: 'Text when there are none' })));
    expect(json(listLimit(24, 'Shown at most'))).toEqual(json(z.number().int().min(1).max(100).default(24).meta({ label: 'Shown at most' })));
    expect(json(listLimit(20, 'Shown at most', 50))).toEqual(json(z.number().int().min(1).max(50).default(20).meta({ label: 'Shown at most' })));
    expect(json(choiceFilter(STATUSES, ['open'], 'Show', 'Empty: all.'))).toEqual(
      json(z.array(z.enum(STATUSES).meta({ label: 'Status' })).max(3).default(['open']).meta({ label: 'Show', help: 'Empty: all.' })),
    );
  });

  it('default and validate', () => {
    expect(listHeading('Hi').parse(undefined)).toBe('Hi');
    expect(listHeading('Hi').safeParse('x'.repeat(121)).success).toBe(false);
    expect(listLimit(24, 'n').parse(undefined)).toBe(24);
    expect(listLimit(24, 'n', 50).safeParse(51).success).toBe(false);
    expect(choiceFilter(STATUSES, ['open', 'paid'], 'Show', 'h').parse(undefined)).toEqual(['open', 'paid']);
    expect(choiceFilter(STATUSES, [], 'Show', 'h').safeParse(['nope']).success).toBe(false);
    expect(choiceFilter(STATUSES, [], 'Kinds', 'h', 'Kind').meta()).toEqual({ label: 'Kinds', help: 'h' });
  });
});

describe('newestWithStatus', () => {
  it('asks for the newest records, filtered by status only when statuses are chosen', () => {
    expect(newestWithStatus('invoice', ['number', 'status'], 24, 'issuedAt', ['open'])).toEqual({
      kind: 'list',
      entityType: 'invoice',
      fields: ['number', 'status'],
      limit: 24,
      sort: [{ field: 'issuedAt', dir: 'desc' }],
      filters: [{ field: 'status', op: 'in', value: ['open'] }],
    });
    expect(newestWithStatus('invoice', ['number'], 5, 'issuedAt', [])).not.toHaveProperty('filters');
  });
});
